package id.peduli.innovation.proposal;

import id.peduli.audit.AuditRecord;
import id.peduli.innovation.InnovationAudit;
import id.peduli.shared.BusinessException;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Attachments of an innovation (evidence documents and photos). The type is decided by the content's first bytes,
 * never by the name or the declared type: PDF, PNG and JPEG only, up to the configured size.
 */
@Service
public class Attachments {

    static final int MAX_PER_INNOVATION = 10;

    private final JdbcClient jdbc;
    private final InnovationAudit audit;
    private final long maxBytes;

    Attachments(
            JdbcClient jdbc, InnovationAudit audit, @Value("${peduli.innovation.attachment-max:5MB}") DataSize max) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.maxBytes = max.toBytes();
    }

    public record Content(String fileName, String contentType, byte[] bytes) {}

    /** The content type the bytes really are, or null when not an accepted type. */
    public static String sniff(byte[] bytes) {
        if (startsWith(bytes, new byte[] {'%', 'P', 'D', 'F', '-'})) {
            return "application/pdf";
        }
        if (startsWith(bytes, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
            return "image/png";
        }
        if (startsWith(bytes, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return "image/jpeg";
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        return bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }

    @Transactional
    public AttachmentView add(long innovationId, long unitId, String fileName, long declaredSize, byte[] bytes) {
        try {
            if (declaredSize > maxBytes || bytes.length > maxBytes) {
                throw new BusinessException(
                        413,
                        "file",
                        "innovation.attachment.tooLarge",
                        DataSize.ofBytes(maxBytes).toMegabytes());
            }
            if (bytes.length == 0) {
                throw BusinessException.invalid("file", "validation.required");
            }
            String type = sniff(bytes);
            if (type == null) {
                throw new BusinessException(415, "file", "innovation.attachment.wrongType");
            }
            long count = jdbc.sql("select count(*) from innovation.attachment where innovation_id = ?")
                    .param(innovationId)
                    .query(Long.class)
                    .single();
            if (count >= MAX_PER_INNOVATION) {
                throw BusinessException.conflict("file", "innovation.attachment.tooMany", MAX_PER_INNOVATION);
            }
            String name = safeName(fileName, type);
            long id = jdbc.sql("insert into innovation.attachment (innovation_id, file_name, content_type, size_bytes, "
                            + "content) values (?, ?, ?, ?, ?) returning id")
                    .params(innovationId, name, type, bytes.length, bytes)
                    .query(Long.class)
                    .single();
            audit.record(AuditRecord.of(InnovationAudit.ATTACH, "Innovation", innovationId)
                    .unit(unitId)
                    .change("attachment", null, name));
            return new AttachmentView(id, name, type, bytes.length);
        } catch (BusinessException e) {
            audit.refused(InnovationAudit.ATTACH, "Innovation", innovationId, unitId, e);
            throw e;
        }
    }

    public List<AttachmentView> list(long innovationId) {
        return jdbc.sql("select id, file_name, content_type, size_bytes from innovation.attachment where "
                        + "innovation_id = ? order by id")
                .param(innovationId)
                .query((rs, n) -> new AttachmentView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .list();
    }

    public java.util.Optional<Content> content(long innovationId, long attachmentId) {
        return jdbc.sql("select file_name, content_type, content from innovation.attachment where id = ? and "
                        + "innovation_id = ?")
                .params(attachmentId, innovationId)
                .query((rs, n) -> new Content(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional();
    }

    private static String safeName(String fileName, String type) {
        String base = fileName == null
                ? ""
                : fileName.replaceAll("[^A-Za-z0-9._ -]", "_").strip();
        if (base.isEmpty()) {
            base = "lampiran";
        }
        if (base.length() > 150) {
            base = base.substring(0, 150);
        }
        String ext = switch (type) {
            case "application/pdf" -> ".pdf";
            case "image/png" -> ".png";
            default -> ".jpg";
        };
        return base.toLowerCase(java.util.Locale.ROOT).endsWith(ext) ? base : base + ext;
    }
}
