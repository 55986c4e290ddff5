package id.peduli.registry;

import id.peduli.access.Access;
import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.shared.BusinessException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A person's optional photo: JPEG or PNG, checked by content (not by name), limited in size. */
@Service
class Photos {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    private final JdbcClient jdbc;
    private final People people;
    private final Access access;
    private final AuditLog audit;
    private final int maxBytes;

    Photos(
            JdbcClient jdbc,
            People people,
            Access access,
            AuditLog audit,
            @Value("${peduli.registry.photo-max-bytes:2097152}") int maxBytes) {
        this.jdbc = jdbc;
        this.people = people;
        this.access = access;
        this.audit = audit;
        this.maxBytes = maxBytes;
    }

    record Photo(String contentType, byte[] data) {}

    static String contentTypeOf(byte[] data) {
        if (startsWith(data, JPEG)) {
            return "image/jpeg";
        }
        if (startsWith(data, PNG)) {
            return "image/png";
        }
        return null;
    }

    @Transactional
    void store(long personId, byte[] data) {
        PersonView person = people.view(personId, false);
        if (!access.covers(person.orgUnitId(), RegistryRoles.WRITE)) {
            throw new BusinessException(403, null, "person.unitNotAllowed");
        }
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
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(data));
            if (image == null || image.getWidth() < 1) {
                throw new BusinessException(415, "photo", "photo.unreadable");
            }
        } catch (IOException e) {
            throw new BusinessException(415, "photo", "photo.unreadable");
        }
        jdbc.sql("""
                        insert into registry.person_photo (person_id, content_type, data) values (?, ?, ?)
                        on conflict (person_id) do update set content_type = excluded.content_type,
                            data = excluded.data, uploaded_at = now()
                        """).params(personId, type, data).update();
        audit.record(AuditRecord.of(AuditAction.UPDATE, "Person", personId)
                .unit(person.orgUnitId())
                .sensitiveChange("photo", true));
    }

    Optional<Photo> load(long personId) {
        people.view(personId, false);
        return jdbc.sql("select content_type, data from registry.person_photo where person_id = ?")
                .param(personId)
                .query((rs, i) -> new Photo(rs.getString("content_type"), rs.getBytes("data")))
                .optional();
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data != null
                && data.length >= prefix.length
                && Arrays.equals(Arrays.copyOf(data, prefix.length), prefix);
    }
}
