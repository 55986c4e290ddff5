package id.peduli.registry.person;

import id.peduli.access.Users;
import id.peduli.audit.AuditEntry;
import id.peduli.audit.AuditTrail;
import id.peduli.organization.Organizations;
import id.peduli.platform.Ui;
import id.peduli.region.Regions;
import id.peduli.registry.RegistryRoles;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A person's history as the people who use it read it: one line per save with the labels and values they know
 * ("Nama lengkap: Sri → Sri Wahyuningsih", the village name rather than its code, the unit's name), views summarised
 * per user and day ("viewed 14 times by Nurhayati today"), the import job that created or changed the person, and
 * each consent recorded or withdrawn, in words (purpose, basis, who gave it, dates).
 */
@Component
public class PersonHistory {

    /** How many processing log entries are read for one history. */
    static final int ENTRIES = 500;

    /** Fields whose values are codes of a list: shown by the label {@code <prefix><value>}. */
    private static final Map<String, String> CODED =
            Map.of("sex", "peopleSearch.sex.", "disabilityTypes", "disability.", "relationship", "relationship.");

    private final AuditTrail trail;
    private final Regions regions;
    private final Organizations organizations;
    private final People people;
    private final Users users;
    private final Consents consents;
    private final Clock clock;
    private final ZoneId zone;

    PersonHistory(
            AuditTrail trail,
            Regions regions,
            Organizations organizations,
            People people,
            Users users,
            Consents consents,
            Clock clock,
            @Value("${peduli.time-zone}") String zone) {
        this.trail = trail;
        this.regions = regions;
        this.organizations = organizations;
        this.people = people;
        this.users = users;
        this.consents = consents;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /**
     * One line of the history: who did what when. {@code views} > 0 for a summary of views on one day, named by
     * {@code day} ("today", "yesterday" or the date); {@code consent} is the sentence of a consent line, whose action
     * is {@code CONSENT_RECORDED} or {@code CONSENT_WITHDRAWN}.
     */
    public record Line(
            Instant at,
            String who,
            String action,
            List<Change> changes,
            String purpose,
            Long importJobId,
            int views,
            LocalDate viewDay,
            String day,
            String consent) {

        static Line change(
                Instant at, String who, String action, List<Change> changes, String purpose, Long importJobId) {
            return new Line(at, who, action, changes, purpose, importJobId, 0, null, null, null);
        }

        static Line views(Instant at, String who, int views, LocalDate viewDay, String day) {
            return new Line(at, who, "VIEW", List.of(), null, null, views, viewDay, day, null);
        }

        static Line consent(Instant at, String who, String action, String sentence) {
            return new Line(at, who, action, List.of(), null, null, 0, null, null, sentence);
        }

        public boolean isConsent() {
            return consent != null;
        }
    }

    /** One changed field, labelled, with its values as the user knows them. */
    public record Change(String label, String before, String after, boolean hidden) {}

    /** The history of person {@code personId}, newest first, in the language of {@code ui}. */
    public List<Line> of(long personId, Ui ui) {
        List<AuditEntry> entries = trail.history("Person", String.valueOf(personId), ENTRIES);
        Map<String, String> names = new HashMap<>();
        List<Line> lines = new ArrayList<>();
        Map<String, Integer> viewLines = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        for (AuditEntry e : entries) {
            String who = names.computeIfAbsent(String.valueOf(e.username()), this::fullName);
            if ("VIEW".equals(e.action())) {
                LocalDate day = e.occurredAt().atZone(zone).toLocalDate();
                String key = e.username() + "|" + day;
                Integer index = viewLines.get(key);
                if (index == null) {
                    viewLines.put(key, lines.size());
                    lines.add(Line.views(e.occurredAt(), who, 1, day, dayName(day, today, ui)));
                } else {
                    Line line = lines.get(index);
                    lines.set(index, Line.views(line.at(), who, line.views() + 1, line.viewDay(), line.day()));
                }
                continue;
            }
            Long job = importJob(e);
            List<Change> changes = new ArrayList<>();
            for (AuditEntry.FieldChange c : e.changedFields()) {
                if ("importJob".equals(c.field())) {
                    continue;
                }
                boolean hidden = "••••".equals(c.before()) && "••••".equals(c.after());
                changes.add(
                        hidden
                                ? new Change(label(c.field(), ui), null, null, true)
                                : new Change(
                                        label(c.field(), ui),
                                        value(c.field(), c.before(), ui),
                                        value(c.field(), c.after(), ui),
                                        false));
            }
            lines.add(Line.change(e.occurredAt(), who, e.action(), changes, purpose(e.purpose(), job, ui), job));
        }
        lines.addAll(consentLines(personId, names, ui));
        // Newest first; the sort is stable, so lines of the same instant keep the log's order.
        lines.sort(Comparator.comparing(Line::at).reversed());
        return lines;
    }

    /** A label inside a sentence: its first letter in lower case, unless the label starts with an abbreviation. */
    private static String inSentence(String label) {
        if (label.length() < 2 || !Character.isLowerCase(label.charAt(1))) {
            return label;
        }
        return Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }

    /** "today", "yesterday" or the date, for the day of a summary of views. */
    private static String dayName(LocalDate day, LocalDate today, Ui ui) {
        if (day.equals(today)) {
            return ui.t("history.today");
        }
        if (day.equals(today.minusDays(1))) {
            return ui.t("history.yesterday");
        }
        return ui.date(day);
    }

    /**
     * The consents of the person, each as a line when it was recorded and another when it was withdrawn, with who did
     * it from the processing log (the consent's own record when the log has no entry for it).
     */
    private List<Line> consentLines(long personId, Map<String, String> names, Ui ui) {
        Map<String, String> purposeLabels = new HashMap<>();
        consents.purposes().forEach(p -> purposeLabels.put(p.code(), p.labelKey()));
        List<Line> lines = new ArrayList<>();
        for (ConsentView c : consents.of(personId)) {
            String purpose = ui.t(purposeLabels.getOrDefault(c.purpose(), "consentPurpose." + c.purpose()));
            String basis = inSentence(ui.t("basis." + c.basis().name()));
            String giver = c.givenBy() == null
                    ? null
                    : inSentence(ui.t("giver." + c.givenBy().name()));
            String recorded = giver == null
                    ? ui.t("history.consent.recordedNoGiver", purpose, basis, ui.date(c.givenOn()))
                    : ui.t("history.consent.recorded", purpose, basis, giver, ui.date(c.givenOn()));
            AuditEntry created = null;
            AuditEntry withdrawn = null;
            for (AuditEntry e : trail.history("Consent", String.valueOf(c.id()), 20)) {
                if ("CREATE".equals(e.action())) {
                    created = e;
                } else if ("UPDATE".equals(e.action())
                        && e.changedFields().stream().anyMatch(f -> "withdrawnOn".equals(f.field()))) {
                    withdrawn = e;
                }
            }
            if (created != null) {
                String who = names.computeIfAbsent(String.valueOf(created.username()), this::fullName);
                lines.add(Line.consent(created.occurredAt(), who, "CONSENT_RECORDED", recorded));
            } else {
                Instant at = c.givenOn().atStartOfDay(zone).toInstant();
                String who = names.computeIfAbsent(String.valueOf(c.recordedBy()), this::fullName);
                lines.add(Line.consent(at, who, "CONSENT_RECORDED", recorded));
            }
            if (!c.active()) {
                String sentence = c.withdrawalReason() == null
                        ? ui.t("history.consent.withdrawn", purpose, ui.date(c.withdrawnOn()))
                        : ui.t(
                                "history.consent.withdrawnBecause",
                                purpose,
                                ui.date(c.withdrawnOn()),
                                c.withdrawalReason());
                Instant at = withdrawn != null
                        ? withdrawn.occurredAt()
                        : c.withdrawnOn().atStartOfDay(zone).toInstant();
                String who = withdrawn == null
                        ? null
                        : names.computeIfAbsent(String.valueOf(withdrawn.username()), this::fullName);
                lines.add(Line.consent(at, who == null ? "—" : who, "CONSENT_WITHDRAWN", sentence));
            }
        }
        return lines;
    }

    private String fullName(String username) {
        if ("system".equals(username) || "null".equals(username)) {
            return "Peduli";
        }
        return users.findByUsername(username).map(u -> u.fullName()).orElse(username);
    }

    private static Long importJob(AuditEntry e) {
        for (AuditEntry.FieldChange c : e.changedFields()) {
            if ("importJob".equals(c.field()) && c.after() != null) {
                try {
                    return Long.valueOf(c.after());
                } catch (NumberFormatException ex) {
                    return null;
                }
            }
        }
        return null;
    }

    private static String purpose(String purpose, Long job, Ui ui) {
        if (purpose == null || job != null) {
            return null;
        }
        return purpose.matches("[A-Z_]+") ? ui.t("purpose." + purpose) : purpose;
    }

    /** The field's label; a field without one (written by an older version) keeps its name. */
    private static String label(String field, Ui ui) {
        if (field == null) {
            return null;
        }
        String key = "history.field." + field;
        String label = ui.t(key);
        return key.equals(label) ? field : label;
    }

    /** A value as the user knows it: names of regions, units and guardians, dates and labels of codes. */
    String value(String field, String value, Ui ui) {
        if (value == null || "null".equals(value) || "null/null".equals(value)) {
            return null;
        }
        try {
            switch (field == null ? "" : field) {
                case "region" -> {
                    return regions.exists(value) ? regions.displayName(value) : value;
                }
                case "orgUnit" -> {
                    return organizations.name(Long.parseLong(value));
                }
                case "guardian" -> {
                    long id = Long.parseLong(value);
                    // A guardian of a unit the user can't see is named only as "someone registered elsewhere".
                    return people.find(id)
                            .filter(p -> people.readable(p.orgUnitId(), RegistryRoles.READ))
                            .map(p -> p.fullName())
                            .orElse(ui.t("history.someoneElsewhere"));
                }
                case "birthDate" -> {
                    return ui.date(LocalDate.parse(value));
                }
                case "rtRw" -> {
                    return value.replace("null", "–");
                }
                default -> {
                    String prefix = CODED.get(field);
                    if (prefix != null) {
                        String label = ui.t(prefix + value);
                        return Objects.equals(label, prefix + value) ? value : label;
                    }
                    return value;
                }
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            return value;
        }
    }
}
