package id.peduli.workshop;

import id.peduli.access.Access;
import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.platform.PeduliPrincipal;
import id.peduli.shared.BusinessException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A product's optional picture, as the registry keeps person photos: JPEG or PNG checked by its first bytes (not by
 * name or declared type), limited in bytes and in pixels (read from the header before decoding), then decoded and
 * encoded again, no larger than {@value #SIDE} pixels a side, so that no metadata of the upload is kept. Stored in the
 * database with the product.
 */
@Service
class ProductPictures {

    static final int SIDE = 600;
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

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
        if (startsWith(data, JPEG)) {
            return "image/jpeg";
        }
        if (startsWith(data, PNG)) {
            return "image/png";
        }
        return null;
    }

    private byte[] cleaned(byte[] data, String type) {
        BufferedImage image;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw unreadable();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width < 1 || height < 1) {
                    throw unreadable();
                }
                if (width * height > maxPixels) {
                    throw new BusinessException(
                            413, "picture", "workshop.picture.tooManyPixels", Math.max(1, maxPixels / 1_000_000));
                }
                image = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof BusinessException b) {
                throw b;
            }
            throw unreadable();
        }
        if (image == null) {
            throw unreadable();
        }
        boolean jpeg = "image/jpeg".equals(type);
        double scale = Math.min(1.0, (double) SIDE / Math.max(image.getWidth(), image.getHeight()));
        int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage out = new BufferedImage(w, h, jpeg ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(out, jpeg ? "jpeg" : "png", bytes)) {
                throw unreadable();
            }
        } catch (IOException e) {
            throw unreadable();
        }
        return bytes.toByteArray();
    }

    private static BusinessException unreadable() {
        return new BusinessException(415, "picture", "workshop.picture.unreadable");
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }
}
