package id.peduli.workshop;

import id.peduli.access.Access;
import id.peduli.audit.AuditAction;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records session entries sent from mentors' phones and answers for each. An entry whose id was recorded before is a
 * DUPLICATE and changes nothing; an entry that breaks a rule is REFUSED with the reason and leaves nothing behind; the
 * others are STORED. Rules, checked in this order before anything is written: the caller records for the entry's site
 * (a SITE_MENTOR only for their own site), the date is not in the future, the month is not frozen by an approved
 * payout, the participant is enrolled at the site on that day, every line names an active product of the site's
 * centre or a task, with a positive quantity, rejects between 0 and the quantity and minutes between 0 and 1,440.
 *
 * <p>A batch is one transaction: every entry is checked first, reading what the checks need once per batch (the site,
 * the caller's scope, frozen months, the catalogue, the participants, the ids already recorded); then the accepted
 * entries are written together, a few statements per batch rather than per entry ({@link SessionWrites}). Should the
 * commit fail, the request fails, the phone keeps every entry and sends them again, and their ids make that safe. An
 * id sent twice in one batch gets the answer of its first copy (DUPLICATE when that one was stored).
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
    private final SessionWrites writes;
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
            SessionWrites writes,
            MessageSource messages,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.access = access;
        this.sites = sites;
        this.products = products;
        this.participants = participants;
        this.payouts = payouts;
        this.writes = writes;
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
            EntryResult[] results = new EntryResult[entries.size()];
            Map<UUID, Integer> first = new HashMap<>();
            List<SessionWrites.Accepted> accepted = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                SessionEntry entry = entries.get(i);
                if (entry == null || entry.entryId() == null) {
                    results[i] = refused(entry, "workshop.entry.noId", null, locale);
                    continue;
                }
                Long earlier = batch.recorded.get(entry.entryId());
                if (earlier != null) {
                    results[i] = new EntryResult(entry.entryId(), EntryResult.Status.DUPLICATE, earlier, null, null);
                    continue;
                }
                if (first.putIfAbsent(entry.entryId(), i) != null) {
                    continue; // answered below, as its first copy
                }
                try {
                    accepted.add(check(entry, batch, i));
                } catch (BusinessException e) {
                    results[i] = refused(entry, e.messageKey(), e.args(), locale);
                }
            }
            SessionWrites.Written written = writes.write(accepted, userId);
            for (SessionWrites.Accepted a : accepted) {
                UUID id = a.entry().entryId();
                // not claimed: another request recorded the same id at the same moment
                results[a.index()] = new EntryResult(
                        id,
                        written.claimed().contains(id) ? EntryResult.Status.STORED : EntryResult.Status.DUPLICATE,
                        written.sessions().get(a.sessionKey()),
                        null,
                        null);
            }
            for (int i = 0; i < entries.size(); i++) {
                if (results[i] == null) {
                    EntryResult copy = results[first.get(entries.get(i).entryId())];
                    results[i] = copy.status() == EntryResult.Status.STORED
                            ? new EntryResult(
                                    copy.entryId(), EntryResult.Status.DUPLICATE, copy.sessionId(), null, null)
                            : copy;
                }
            }
            return List.of(results);
        });
    }

    private EntryResult refused(SessionEntry entry, String key, Object[] args, Locale locale) {
        return new EntryResult(
                entry == null ? null : entry.entryId(),
                EntryResult.Status.REFUSED,
                null,
                key,
                messages.getMessage(key, args, key, locale));
    }

    /** What the checks of one batch read, read once: most batches come from one phone, for one site and a few days. */
    private final class Batch {

        final Map<UUID, Long> recorded = new HashMap<>();
        final Map<Long, Optional<SiteView>> sitesById = new HashMap<>();
        final Map<Long, Boolean> covered = new HashMap<>();
        final Map<String, Boolean> frozen = new HashMap<>();
        final Map<Long, Map<Long, ProductView>> catalogues = new HashMap<>();
        final Map<Long, Optional<Participant>> people = new HashMap<>();

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
    }

    /** The entry as it will be written, or the first rule it breaks. Reads, never writes. */
    private SessionWrites.Accepted check(SessionEntry entry, Batch batch, int index) {
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
        return new SessionWrites.Accepted(index, entry, site.id(), day, participant.personId(), present);
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
