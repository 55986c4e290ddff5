package id.peduli.casework;

import id.peduli.access.Access;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.shared.BusinessException;
import id.peduli.shared.InvalidInput;
import id.peduli.shared.InvalidInput.FieldProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service activities at a unit (group sessions, home visits, trainings…) with their participants' attendance, and
 * attachments. An attachment is kept only when its content is a PDF, JPEG or PNG (checked by the first bytes, whatever
 * the name or declared type says) and not larger than {@code peduli.casework.attachment-max-bytes}.
 */
@Service
class Activities {

    static final List<String> TYPES =
            List.of("GROUP_SESSION", "INDIVIDUAL_SESSION", "HOME_VISIT", "TRAINING", "OUTING", "CASE_CONFERENCE");

    private final JdbcClient jdbc;
    private final Access access;
    private final Enrolments enrolments;
    private final AuditLog audit;
    private final int maxBytes;

    Activities(
            JdbcClient jdbc,
            Access access,
            Enrolments enrolments,
            AuditLog audit,
            @Value("${peduli.casework.attachment-max-bytes:5242880}") int maxBytes) {
        this.jdbc = jdbc;
        this.access = access;
        this.enrolments = enrolments;
        this.audit = audit;
        this.maxBytes = maxBytes;
    }

    /** The unit of an activity after checking {@code roles} cover it (404 as for a missing id otherwise). */
    long requireActivity(long activityId, String... roles) {
        Optional<Long> unit = jdbc.sql("select org_unit_id from casework.activity where id = ?")
                .param(activityId)
                .query(Long.class)
                .optional();
        if (unit.isEmpty() || !access.covers(unit.get(), roles)) {
            if (unit.isPresent() && !access.hasAnyRole(roles)) {
                throw new AccessDeniedException("casework");
            }
            throw BusinessException.notFound("casework.activity.notFound", activityId);
        }
        return unit.get();
    }

    @Transactional
    ActivityView record(long unitId, ActivityCommand command) {
        if (!access.coversOrNotFound(unitId, "casework.unit.notFound", CaseworkRoles.WRITE)) {
            throw new AccessDeniedException("casework");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (command.type() == null || !TYPES.contains(command.type())) {
            problems.add(new FieldProblem("type", "validation.required"));
        }
        if (command.heldOn() == null) {
            problems.add(new FieldProblem("heldOn", "validation.required"));
        } else if (command.heldOn().isAfter(enrolments.today())) {
            problems.add(new FieldProblem("heldOn", "casework.date.future"));
        }
        if (command.durationMinutes() == null || command.durationMinutes() < 1 || command.durationMinutes() > 1440) {
            problems.add(new FieldProblem("durationMinutes", "casework.activity.duration"));
        }
        if (command.staff() == null || command.staff().isBlank()) {
            problems.add(new FieldProblem("staff", "validation.required"));
        } else if (command.staff().length() > 300) {
            problems.add(new FieldProblem("staff", "casework.notes.tooLong", 300));
        }
        if (command.component() == null) {
            problems.add(new FieldProblem("component", "validation.required"));
        }
        if (command.notes() != null && command.notes().length() > 2000) {
            problems.add(new FieldProblem("notes", "casework.notes.tooLong", 2000));
        }
        Map<Long, Boolean> attendance = command.attendance() == null ? Map.of() : command.attendance();
        for (Long enrolmentId : attendance.keySet()) {
            Optional<EnrolmentView> enrolment = enrolments.find(enrolmentId);
            if (enrolment.isEmpty()
                    || enrolment.get().unitId() != unitId
                    || command.heldOn() == null
                    || !enrolment.get().activeOn(command.heldOn())) {
                problems.add(new FieldProblem("attendance", "casework.activity.notEnrolled", enrolmentId));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems, false);
        }
        long id = jdbc.sql("""
                        insert into casework.activity (org_unit_id, type, held_on, duration_minutes, staff, component,
                            notes, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(
                        unitId,
                        command.type(),
                        command.heldOn(),
                        command.durationMinutes(),
                        command.staff().strip(),
                        command.component().name(),
                        Enrolment.blankToNull(command.notes()),
                        Enrolments.actor().username())
                .query(Long.class)
                .single();
        attendance.forEach((enrolmentId, attended) -> jdbc.sql("""
                        insert into casework.activity_participant (activity_id, enrolment_id, attended)
                        values (?, ?, ?)
                        """)
                .params(id, enrolmentId, Boolean.TRUE.equals(attended))
                .update());
        audit.record(AuditRecord.of(CaseworkAuditActions.ACTIVITY, "Activity", id)
                .unit(unitId)
                .change("participants", null, attendance.size()));
        return get(id);
    }

    /** Attaches a PDF, JPEG or PNG to the activity; anything else, or too large, is refused before it is stored. */
    @Transactional
    ActivityView.Attachment attach(long activityId, String fileName, byte[] content) {
        long unit = requireActivity(activityId, CaseworkRoles.WRITE);
        if (content == null || content.length == 0) {
            throw BusinessException.invalid("file", "casework.attachment.empty");
        }
        if (content.length > maxBytes) {
            throw new BusinessException(413, "file", "casework.attachment.tooLarge", maxBytes / (1024 * 1024));
        }
        String type = contentType(content);
        if (type == null) {
            throw new BusinessException(415, "file", "casework.attachment.type");
        }
        String name = safeName(fileName, type);
        long id = jdbc.sql("""
                        insert into casework.activity_attachment (activity_id, file_name, content_type, size_bytes,
                            content)
                        values (?, ?, ?, ?, ?) returning id
                        """)
                .params(activityId, name, type, content.length, content)
                .query(Long.class)
                .single();
        audit.record(AuditRecord.of(CaseworkAuditActions.ACTIVITY, "ActivityAttachment", id)
                .unit(unit)
                .change("activity", null, activityId));
        return new ActivityView.Attachment(id, name, type, content.length);
    }

    /** The content of an attachment of the activity (the caller checked the activity's scope). */
    Optional<Download> download(long activityId, long attachmentId) {
        return jdbc.sql("""
                        select file_name, content_type, content from casework.activity_attachment
                        where id = ? and activity_id = ?
                        """)
                .params(attachmentId, activityId)
                .query((rs, i) ->
                        new Download(rs.getString("file_name"), rs.getString("content_type"), rs.getBytes("content")))
                .optional();
    }

    record Download(String fileName, String contentType, byte[] content) {}

    /** The media type the first bytes show: PDF, JPEG or PNG; null for anything else. */
    static String contentType(byte[] b) {
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return "application/pdf";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length >= 8
                && (b[0] & 0xff) == 0x89
                && b[1] == 'P'
                && b[2] == 'N'
                && b[3] == 'G'
                && b[4] == 0x0D
                && b[5] == 0x0A
                && b[6] == 0x1A
                && b[7] == 0x0A) {
            return "image/png";
        }
        return null;
    }

    /** A file name without paths or odd characters, with the extension of the real content type. */
    static String safeName(String fileName, String type) {
        String base = fileName == null ? "" : fileName.replaceAll(".*[/\\\\]", "");
        base = base.replaceAll("\\.[A-Za-z0-9]{1,5}$", "")
                .replaceAll("[^A-Za-z0-9 _-]", "_")
                .strip();
        if (base.isEmpty()) {
            base = "lampiran";
        }
        if (base.length() > 150) {
            base = base.substring(0, 150);
        }
        String extension = switch (type) {
            case "application/pdf" -> ".pdf";
            case "image/jpeg" -> ".jpg";
            default -> ".png";
        };
        return base + extension;
    }

    /** The activities of a unit from the newest, at most {@code limit}. */
    List<ActivityView> atUnit(long unitId, int limit) {
        return jdbc
                .sql("select id from casework.activity where org_unit_id = ? order by held_on desc, id desc limit ?")
                .params(unitId, limit)
                .query(Long.class)
                .list()
                .stream()
                .map(this::get)
                .toList();
    }

    /** The activities an enrolment took part in, newest first. */
    List<ActivityView> ofEnrolment(long enrolmentId) {
        return jdbc.sql("""
                        select a.id from casework.activity a
                        join casework.activity_participant p on p.activity_id = a.id
                        where p.enrolment_id = ? order by a.held_on desc, a.id desc limit 100
                        """).param(enrolmentId).query(Long.class).list().stream()
                .map(this::get)
                .toList();
    }

    ActivityView get(long id) {
        List<ActivityView.Participant> participants = jdbc.sql("""
                        select p.enrolment_id, e.person_id, p.attended from casework.activity_participant p
                        join casework.enrolment e on e.id = p.enrolment_id
                        where p.activity_id = ? order by p.enrolment_id
                        """)
                .param(id)
                .query((rs, i) -> new ActivityView.Participant(rs.getLong(1), rs.getLong(2), rs.getBoolean(3)))
                .list();
        List<ActivityView.Attachment> attachments = jdbc.sql("""
                        select id, file_name, content_type, size_bytes from casework.activity_attachment
                        where activity_id = ? order by id
                        """)
                .param(id)
                .query((rs, i) ->
                        new ActivityView.Attachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .list();
        return jdbc.sql("select * from casework.activity where id = ?")
                .param(id)
                .query((rs, i) -> new ActivityView(
                        rs.getLong("id"),
                        rs.getLong("org_unit_id"),
                        rs.getString("type"),
                        rs.getObject("held_on", LocalDate.class),
                        rs.getInt("duration_minutes"),
                        rs.getString("staff"),
                        RehabComponent.valueOf(rs.getString("component")),
                        rs.getString("notes"),
                        participants,
                        attachments))
                .single();
    }
}
