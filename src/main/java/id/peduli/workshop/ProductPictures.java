package id.peduli.workshop;

import id.peduli.access.Access;
import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.platform.PeduliPrincipal;
import id.peduli.platform.UploadedImage;
import id.peduli.shared.BusinessException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A product's optional picture, checked by the same rule as the registry's person photos ({@link UploadedImage}): JPEG
 * or PNG by its first bytes (not by name or declared type), limited in bytes and in pixels (read from the header
 * before decoding), then decoded and encoded again, no larger than {@value #SIDE} pixels a side, so that no metadata
 * of the upload is kept. Stored in the database with the product.
 */
@Service
class ProductPictures {

    static final int SIDE = 600;

    private final JdbcClient jdbc;
    private final Access access;
    private final AuditLog audit;
    private final int maxBytes;
    private final long maxPixels;

    ProductPictures(
            JdbcClient jdbc,
            Access access,
            AuditLog audit,
            @Value("${peduli.workshop.picture-max-bytes:2097152}") int maxBytes,
            @Value("${peduli.workshop.picture-max-pixels:16000000}") long maxPixels) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.maxBytes = maxBytes;
        this.maxPixels = maxPixels;
    }

    record Picture(String contentType, byte[] data) {}

    /** Stores the picture of {@code product} (the caller checked the product's scope), reading at most the limit. */
    @Transactional
    void store(ProductView product, InputStream content) {
        byte[] data = content == null ? null : readAtMost(content);
        if (data == null || data.length == 0) {
            throw BusinessException.invalid("picture", "workshop.picture.empty");
        }
        String type = contentTypeOf(data);
        if (type == null) {
            throw new BusinessException(415, "picture", "workshop.picture.wrongType");
        }
        byte[] clean = cleaned(data, type);
        jdbc.sql("""
                        insert into workshop.product_picture (product_id, content_type, data, uploaded_by)
                        values (?, ?, ?, ?)
                        on conflict (product_id) do update set content_type = excluded.content_type,
                            data = excluded.data, uploaded_by = excluded.uploaded_by, uploaded_at = now()
                        """)
                .params(
                        product.id(),
                        type,
                        clean,
                        access.currentUser().map(PeduliPrincipal::userId).orElse(null))
                .update();
        audit.record(AuditRecord.of(AuditAction.UPDATE, "WorkshopProduct", product.id())
                .unit(product.centreId())
                .change("picture", null, type));
    }

    Optional<Picture> load(long productId) {
        return jdbc.sql("select content_type, data from workshop.product_picture where product_id = ?")
                .param(productId)
                .query((rs, n) -> new Picture(rs.getString(1), rs.getBytes(2)))
                .optional();
    }

    /** The pictures of the given products that have one. */
    Map<Long, Picture> of(Collection<Long> productIds) {
        Map<Long, Picture> out = new HashMap<>();
        if (productIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select product_id, content_type, data from workshop.product_picture where product_id in (:ids)")
                .param("ids", productIds)
                .query(rs -> {
                    out.put(rs.getLong(1), new Picture(rs.getString(2), rs.getBytes(3)));
                });
        return out;
    }

    /** The ids among {@code productIds} that have a picture. */
    Set<Long> withPicture(Collection<Long> productIds) {
        if (productIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("select product_id from workshop.product_picture where product_id in (:ids)")
                .param("ids", productIds)
                .query(Long.class)
                .list());
    }

    private byte[] readAtMost(InputStream content) {
        try (InputStream in = content) {
            byte[] data = in.readNBytes(maxBytes + 1);
            if (data.length > maxBytes) {
                throw new BusinessException(413, "picture", "workshop.picture.tooLarge", maxBytes / 1024);
            }
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String contentTypeOf(byte[] data) {
        UploadedImage.Format format = UploadedImage.formatOf(data);
        return format == null ? null : format.contentType();
    }

    /**
     * The picture as it is stored: checked and decoded by {@link UploadedImage} (at most {@code maxPixels} pixels,
     * read from the header before decoding), scaled to at most {@value #SIDE} pixels a side and encoded again.
     */
    private byte[] cleaned(byte[] data, String type) {
        try {
            BufferedImage image = UploadedImage.decode(data, maxPixels);
            UploadedImage.Format format = UploadedImage.Format.ofContentType(type);
            boolean jpeg = format == UploadedImage.Format.JPEG;
            double scale = Math.min(1.0, (double) SIDE / Math.max(image.getWidth(), image.getHeight()));
            int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
            int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
            BufferedImage out =
                    new BufferedImage(w, h, jpeg ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = out.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(image, 0, 0, w, h, null);
            } finally {
                g.dispose();
            }
            return UploadedImage.encode(out, format);
        } catch (UploadedImage.Refused e) {
            throw switch (e.problem()) {
                case WRONG_TYPE -> new BusinessException(415, "picture", "workshop.picture.wrongType");
                case TOO_MANY_PIXELS ->
                    new BusinessException(
                            413, "picture", "workshop.picture.tooManyPixels", Math.max(1, maxPixels / 1_000_000));
                case UNREADABLE -> unreadable();
            };
        }
    }

    private static BusinessException unreadable() {
        return new BusinessException(415, "picture", "workshop.picture.unreadable");
    }
}
