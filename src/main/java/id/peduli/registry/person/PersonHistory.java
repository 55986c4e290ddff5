package id.peduli.registry.person;

import id.peduli.access.Users;
import id.peduli.audit.AuditEntry;
import id.peduli.audit.AuditTrail;
import id.peduli.organization.Organizations;
import id.peduli.platform.Ui;
import id.peduli.region.Regions;
import id.peduli.registry.RegistryRoles;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
 * per user and day ("viewed 14 times by Nurhayati today"), and the import job that created or changed the person.
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
    private final ZoneId zone;

    PersonHistory(
            AuditTrail trail,
            Regions regions,
            Organizations organizations,
            People people,
            Users users,
            @Value("${peduli.time-zone}") String zone) {
        this.trail = trail;
        this.regions = regions;
        this.organizations = organizations;
        this.people = people;
        this.users = users;
        this.zone = ZoneId.of(zone);
    }

    /** One line of the history: who did what when; {@code views} > 0 for a summary of views on one day. */
    public record Line(
            Instant at,
            String who,
            String action,
            List<Change> changes,
            String purpose,
            Long importJobId,
            int views,
            LocalDate viewDay) {}

    /** One changed field, labelled, with its values as the user knows them. */
    public record Change(String label, String before, String after, boolean hidden) {}

    /** The history of person {@code personId}, newest first, in the language of {@code ui}. */
    public List<Line> of(long personId, Ui ui) {
        List<AuditEntry> entries = trail.history("Person", String.valueOf(personId), ENTRIES);
        Map<String, String> names = new HashMap<>();
        List<Line> lines = new ArrayList<>();
        Map<String, Integer> viewLines = new LinkedHashMap<>();
        for (AuditEntry e : entries) {
            String who = names.computeIfAbsent(String.valueOf(e.username()), this::fullName);
            if ("VIEW".equals(e.action())) {
                LocalDate day = e.occurredAt().atZone(zone).toLocalDate();
                String key = e.username() + "|" + day;
                Integer index = viewLines.get(key);
                if (index == null) {
                    viewLines.put(key, lines.size());
                    lines.add(new Line(e.occurredAt(), who, "VIEW", List.of(), null, null, 1, day));
                } else {
                    Line line = lines.get(index);
                    lines.set(
                            index,
                            new Line(line.at(), who, "VIEW", List.of(), null, null, line.views() + 1, line.viewDay()));
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
            lines.add(new Line(e.occurredAt(), who, e.action(), changes, purpose(e.purpose(), job, ui), job, 0, null));
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
