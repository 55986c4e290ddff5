package id.peduli.registry.person;

import id.peduli.access.Access;
import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.platform.UploadedImage;
import id.peduli.registry.PersonView;
import id.peduli.registry.RegistryRoles;
import id.peduli.shared.BusinessException;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's optional photo: JPEG or PNG, checked by content (not by name), limited in bytes and in pixels. The pixel
 * count is read from the image header before anything is decoded, so a small file that would unpack into gigabytes
 * (a decompression bomb) is refused without decoding it; the rule is {@link UploadedImage}'s, shared with the
 * workshop's product pictures. The stored photo is the decoded image encoded again: EXIF
 * (camera, time, GPS location), comments and other metadata of the upload are not kept; a JPEG's EXIF orientation is
 * applied to the pixels first, so the photo stays upright.
 */
@Service
class Photos {

    private final JdbcClient jdbc;
    private final People people;
    private final Access access;
    private final AuditLog audit;
    private final int maxBytes;
    private final long maxPixels;

    Photos(
            JdbcClient jdbc,
            People people,
            Access access,
            AuditLog audit,
            @Value("${peduli.registry.photo-max-bytes:2097152}") int maxBytes,
            @Value("${peduli.registry.photo-max-pixels:16000000}") long maxPixels) {
        this.jdbc = jdbc;
        this.people = people;
        this.access = access;
        this.audit = audit;
        this.maxBytes = maxBytes;
        this.maxPixels = maxPixels;
    }

    record Photo(String contentType, byte[] data) {}

    static String contentTypeOf(byte[] data) {
        UploadedImage.Format format = UploadedImage.formatOf(data);
        return format == null ? null : format.contentType();
    }

    @Transactional
    void store(long personId, byte[] data) {
        store(writable(personId), data);
    }

    /**
     * Stores the photo read from {@code content} (an upload or a request body), after the scope check, reading no
     * more than one byte beyond the size limit: a larger upload is refused without being held in memory.
     */
    @Transactional
    void store(long personId, InputStream content) {
        PersonView person = writable(personId);
        store(person, content == null ? null : readAtMost(content, maxBytes));
    }

    private PersonView writable(long personId) {
        PersonView person = people.view(personId);
        if (!access.covers(person.orgUnitId(), RegistryRoles.WRITE)) {
            throw new BusinessException(403, null, "person.unitNotAllowed");
        }
        return person;
    }

    /** The bytes of {@code content}, refused as too large once more than {@code maxBytes} have been read. */
    static byte[] readAtMost(InputStream content, int maxBytes) {
        try (InputStream in = content) {
            byte[] data = in.readNBytes(maxBytes + 1);
            if (data.length > maxBytes) {
                throw new BusinessException(413, "photo", "photo.tooLarge", maxBytes / 1024);
            }
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void store(PersonView person, byte[] data) {
        long personId = person.id();
        if (data == null || data.length == 0) {
            throw BusinessException.invalid("photo", "photo.empty");
        }
        if (data.length > maxBytes) {
            throw new BusinessException(413, "photo", "photo.tooLarge", maxBytes / 1024);
        }
        String type = contentTypeOf(data);
        if (type == null) {
            throw new BusinessException(415, "photo", "photo.wrongType");
        }
        byte[] clean = cleaned(data, type, maxPixels);
        jdbc.sql("""
                        insert into registry.person_photo (person_id, content_type, data) values (?, ?, ?)
                        on conflict (person_id) do update set content_type = excluded.content_type,
                            data = excluded.data, uploaded_at = now()
                        """).params(personId, type, clean).update();
        audit.record(AuditRecord.of(AuditAction.UPDATE, "Person", personId)
                .unit(person.orgUnitId())
                .sensitiveChange("photo", true));
    }

    /**
     * The photo as it is stored: checked, decoded and encoded again by {@link UploadedImage} (at most {@code maxPixels}
     * pixels, read from the header before decoding), a JPEG turned upright first, without any of the upload's metadata.
     */
    static byte[] cleaned(byte[] data, String type, long maxPixels) {
        UploadedImage.Format format = UploadedImage.Format.ofContentType(type);
        try {
            BufferedImage image = UploadedImage.decode(data, maxPixels);
            if (format == UploadedImage.Format.JPEG) {
                image = upright(image, ExifOrientation.of(data));
            }
            return UploadedImage.encode(image, format == null ? UploadedImage.formatOf(data) : format);
        } catch (UploadedImage.Refused e) {
            throw switch (e.problem()) {
                case WRONG_TYPE -> new BusinessException(415, "photo", "photo.wrongType");
                case TOO_MANY_PIXELS ->
                    new BusinessException(
                            413,
                            "photo",
                            "photo.tooManyPixels",
                            Math.max(1, maxPixels / 1_000_000),
                            e.width(),
                            e.height());
                case UNREADABLE -> unreadable();
            };
        }
    }

    private static BusinessException unreadable() {
        return new BusinessException(415, "photo", "photo.unreadable");
    }

    /** The image turned as EXIF orientation {@code orientation} (1–8) says the camera held it. */
    private static BufferedImage upright(BufferedImage image, int orientation) {
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> t.scale(-1, 1);
            case 3 -> t.rotate(Math.PI);
            case 4 -> t.scale(1, -1);
            case 5 -> {
                t.rotate(Math.PI / 2);
                t.scale(1, -1);
            }
            case 6 -> t.rotate(Math.PI / 2);
            case 7 -> {
                t.rotate(-Math.PI / 2);
                t.scale(1, -1);
            }
            case 8 -> t.rotate(-Math.PI / 2);
            default -> {
                return image;
            }
        }
        boolean turned = orientation >= 5;
        int width = turned ? h : w;
        int height = turned ? w : h;
        // Map the turned image back into the positive quadrant.
        java.awt.geom.Rectangle2D bounds =
                t.createTransformedShape(new java.awt.Rectangle(0, 0, w, h)).getBounds2D();
        AffineTransform placed = AffineTransform.getTranslateInstance(-bounds.getX(), -bounds.getY());
        placed.concatenate(t);
        int type = image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        return copy(image, type, width, height, placed);
    }

    private static BufferedImage copy(BufferedImage image, int type, int width, int height, AffineTransform t) {
        BufferedImage target = new BufferedImage(width, height, type);
        Graphics2D g = target.createGraphics();
        try {
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    Optional<Photo> load(long personId) {
        people.view(personId);
        return jdbc.sql("select content_type, data from registry.person_photo where person_id = ?")
                .param(personId)
                .query((rs, i) -> new Photo(rs.getString("content_type"), rs.getBytes("data")))
                .optional();
    }
}
