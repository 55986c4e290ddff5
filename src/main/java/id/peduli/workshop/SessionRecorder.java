package id.peduli.workshop;

import id.peduli.access.Access;
import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.platform.PeduliPrincipal;
import id.peduli.shared.BusinessException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records session entries sent from mentors' phones and answers for each. A batch is one transaction in which every
 * entry has its own savepoint: a refused entry is rolled back to its savepoint and leaves nothing, the others are
 * committed together at the end (should that commit fail, the request fails, the phone keeps every entry and sends them
 * again, and their ids make that safe). What the checks read (the site, the caller's scope, frozen months, the
 * catalogue, the participants, the ids already recorded) is read once per batch. An entry whose
 * id was recorded before is a DUPLICATE and changes nothing; an entry that breaks a rule is REFUSED with the reason and
 * leaves nothing behind; the others are STORED. Rules, checked in this order before anything is written: the caller
 * records for the entry's site (a SITE_MENTOR only for their own site), the date is not in the future, the month is
 * not frozen by an approved payout, the participant is enrolled at the site on that day, every line names an active
 * product of the site's centre or a task, with a positive quantity, rejects between 0 and the quantity and minutes
 * between 0 and 1,440.
 */
@Service
class SessionRecorder {

    static final AuditAction RECORD_SESSION = AuditAction.of("RECORD_SESSION");
    static final int MAX_ENTRIES = 1000;

    private final JdbcClient jdbc;
    private final Access access;
    private final Sites sites;
    private final Products products;
    private final Participants participants;
    private final Payouts payouts;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;
    private final TransactionTemplate transaction;

    SessionRecorder(
            JdbcClient jdbc,
            Access access,
            Sites sites,
            Products products,
            Participants participants,
            Payouts payouts,
            AuditLog audit,
            MessageSource messages,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.access = access;
        this.sites = sites;
        this.products = products;
        this.participants = participants;
        this.payouts = payouts;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    List<EntryResult> record(List<SessionEntry> entries, Locale locale) {
        if (entries == null || entries.isEmpty()) {
            throw BusinessException.invalid("entries", "workshop.batchEmpty");
        }
        if (entries.size() > MAX_ENTRIES) {
            throw BusinessException.invalid("entries", "workshop.batchTooLarge", MAX_ENTRIES);
        }
        Long userId = access.currentUser().map(PeduliPrincipal::userId).orElse(null);
        return transaction.execute(status -> {
            Batch batch = new Batch(entries);
            List<EntryResult> results = new ArrayList<>(entries.size());
            for (SessionEntry entry : entries) {
                results.add(one(entry, userId, locale, batch, status));
            }
            return results;
        });
    }

    private EntryResult one(SessionEntry entry, Long userId, Locale locale, Batch batch, TransactionStatus status) {
        if (entry == null || entry.entryId() == null) {
            return refused(entry == null ? null : entry, "workshop.entry.noId", locale);
        }
        Object savepoint = status.createSavepoint();
        try {
            EntryResult result = store(entry, userId, batch);
            status.releaseSavepoint(savepoint);
            return result;
        } catch (BusinessException e) {
            status.rollbackToSavepoint(savepoint);
            status.releaseSavepoint(savepoint);
            batch.forgetSessions();
            return new EntryResult(
                    entry.entryId(),
                    EntryResult.Status.REFUSED,
                    null,
                    e.messageKey(),
                    messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
        }
    }

    private EntryResult refused(SessionEntry entry, String key, Locale locale) {
        return new EntryResult(
                entry == null ? null : entry.entryId(),
                EntryResult.Status.REFUSED,
                null,
                key,
                messages.getMessage(key, null, key, locale));
    }

    /** What the checks of one batch read, read once: most batches come from one phone, for one site and a few days. */
    private final class Batch {

        final Map<UUID, Long> recorded = new HashMap<>();
        final Map<Long, Optional<SiteView>> sitesById = new HashMap<>();
        final Map<Long, Boolean> covered = new HashMap<>();
        final Map<String, Boolean> frozen = new HashMap<>();
        final Map<Long, Map<Long, ProductView>> catalogues = new HashMap<>();
        final Map<Long, Optional<Participant>> people = new HashMap<>();
        final Map<String, Long> sessions = new HashMap<>();

        Batch(List<SessionEntry> entries) {
            List<UUID> ids = entries.stream()
                    .filter(e -> e != null && e.entryId() != null)
                    .map(SessionEntry::entryId)
                    .distinct()
                    .toList();
            if (!ids.isEmpty()) {
                jdbc.sql("select entry_id, session_id from workshop.offline_entry where entry_id in (:ids)")
                        .param("ids", ids)
                        .query(rs -> {
                            recorded.put(rs.getObject(1, UUID.class), rs.getLong(2));
                        });
            }
        }

        boolean covers(long siteId) {
            return covered.computeIfAbsent(siteId, id -> access.covers(id, WorkshopRoles.RECORD));
        }

        Optional<SiteView> site(long siteId) {
            return sitesById.computeIfAbsent(siteId, sites::find);
        }

        boolean frozen(long siteId, LocalDate day) {
            return frozen.computeIfAbsent(
                    siteId + "/" + day.withDayOfMonth(1), k -> payouts.frozen(siteId, day.withDayOfMonth(1)));
        }

        Map<Long, ProductView> catalogue(long centreId) {
            return catalogues.computeIfAbsent(
                    centreId,
                    id -> products.ofCentre(id).stream()
                            .filter(ProductView::active)
                            .collect(Collectors.toMap(ProductView::id, Function.identity())));
        }

        Optional<Participant> participant(long enrolmentId) {
            return people.computeIfAbsent(enrolmentId, participants::find);
        }

        /** A refused entry's savepoint may have taken a new session with it: look sessions up again. */
        void forgetSessions() {
            sessions.clear();
        }
    }

    private EntryResult store(SessionEntry entry, Long userId, Batch batch) {
        Long earlier = batch.recorded.get(entry.entryId());
        if (earlier != null) {
            return new EntryResult(entry.entryId(), EntryResult.Status.DUPLICATE, earlier, null, null);
        }
        if (entry.siteId() == null || !batch.covers(entry.siteId())) {
            throw BusinessException.invalid("siteId", "workshop.entry.otherSite");
        }
        SiteView site = batch.site(entry.siteId())
                .orElseThrow(() -> BusinessException.invalid("siteId", "workshop.entry.otherSite"));
        LocalDate day = entry.date();
        if (day == null) {
            throw BusinessException.invalid("date", "workshop.entry.noDate");
        }
        if (day.isAfter(LocalDate.now(clock))) {
            throw BusinessException.invalid("date", "workshop.entry.futureDate");
        }
        if (batch.frozen(site.id(), day)) {
            throw BusinessException.conflict("date", "workshop.entry.periodFrozen");
        }
        Participant participant = entry.participantId() == null
                ? null
                : batch.participant(entry.participantId()).orElse(null);
        if (participant == null || participant.siteId() != site.id() || !participant.activeOn(day)) {
            throw BusinessException.conflict("participantId", "workshop.entry.participantLeft");
        }
        boolean present = entry.present() == null || entry.present();
        if (!present && !entry.lines().isEmpty()) {
            throw BusinessException.invalid("lines", "workshop.entry.absentWithWork");
        }
        Map<Long, ProductView> catalogue = batch.catalogue(site.centreId());
        for (SessionEntry.Line line : entry.lines()) {
            check(line, catalogue);
        }
        Long sessionId = batch.sessions.get(site.id() + "/" + day);
        if (sessionId == null) {
            sessionId = jdbc.sql("""
                            insert into workshop.session (site_id, held_on, created_by) values (?, ?, ?)
                            on conflict (site_id, held_on) do update set site_id = excluded.site_id returning id
                            """)
                    .params(site.id(), day, userId)
                    .query(Long.class)
                    .single();
        }
        int claimed = jdbc.sql("""
                        insert into workshop.offline_entry (entry_id, site_id, session_id, enrolment_id, received_by)
                        values (?, ?, ?, ?, ?) on conflict (entry_id) do nothing
                        """)
                .params(entry.entryId(), site.id(), sessionId, entry.participantId(), userId)
                .update();
        if (claimed == 0) {
            // sent twice at the same moment: the other request recorded it
            return new EntryResult(entry.entryId(), EntryResult.Status.DUPLICATE, sessionId, null, null);
        }
        jdbc.sql("""
                        insert into workshop.attendance (session_id, site_id, held_on, enrolment_id, person_id, present,
                            entry_id, recorded_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (session_id, enrolment_id) do update set present = excluded.present
                            or workshop.attendance.present, entry_id = excluded.entry_id,
                            recorded_by = excluded.recorded_by, recorded_at = now()
                        """)
                .params(
                        sessionId,
                        site.id(),
                        day,
                        participant.enrolmentId(),
                        participant.personId(),
                        present,
                        entry.entryId(),
                        userId)
                .update();
        for (SessionEntry.Line line : entry.lines()) {
            jdbc.sql("""
                            insert into workshop.production_record (session_id, site_id, made_on, enrolment_id,
                                person_id, product_id, task, quantity, rejects, minutes, entry_id, recorded_by)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(
                            sessionId,
                            site.id(),
                            day,
                            participant.enrolmentId(),
                            participant.personId(),
                            line.productId(),
                            line.productId() == null ? line.task().trim() : null,
                            line.quantity(),
                            line.rejects() == null ? 0 : line.rejects(),
                            line.minutes() == null ? 0 : line.minutes(),
                            entry.entryId(),
                            userId)
                    .update();
        }
        audit.record(AuditRecord.of(RECORD_SESSION, "WorkshopSession", sessionId)
                .unit(site.id())
                .change("entry", null, entry.entryId())
                .change("lines", null, entry.lines().size()));
        batch.sessions.put(site.id() + "/" + day, sessionId);
        batch.recorded.put(entry.entryId(), sessionId);
        return new EntryResult(entry.entryId(), EntryResult.Status.STORED, sessionId, null, null);
    }

    private static void check(SessionEntry.Line line, Map<Long, ProductView> catalogue) {
        if (line == null) {
            throw BusinessException.invalid("lines", "workshop.entry.lineEmpty");
        }
        if (line.productId() == null && (line.task() == null || line.task().isBlank())) {
            throw BusinessException.invalid("lines", "workshop.entry.lineEmpty");
        }
        if (line.task() != null && line.task().length() > 200) {
            throw BusinessException.invalid("lines", "workshop.entry.taskTooLong");
        }
        if (line.productId() != null && !catalogue.containsKey(line.productId())) {
            throw BusinessException.invalid("lines", "workshop.entry.productUnknown");
        }
        if (line.quantity() == null || line.quantity() <= 0) {
            throw BusinessException.invalid("lines", "workshop.entry.quantityPositive");
        }
        int rejects = line.rejects() == null ? 0 : line.rejects();
        if (rejects < 0 || rejects > line.quantity()) {
            throw BusinessException.invalid("lines", "workshop.entry.rejectsRange");
        }
        int minutes = line.minutes() == null ? 0 : line.minutes();
        if (minutes < 0 || minutes > 1440) {
            throw BusinessException.invalid("lines", "workshop.entry.minutesRange");
        }
    }
}
