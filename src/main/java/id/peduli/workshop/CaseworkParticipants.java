package id.peduli.workshop;

import id.peduli.casework.EnrolmentView;
import id.peduli.casework.Enrolments;
import id.peduli.registry.DisabilityType;
import id.peduli.registry.PersonView;
import id.peduli.registry.Registry;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Participants from the case core: enrolments in the Sheltered Workshop programme ({@link Participants#PROGRAMME}) at
 * a site, named from the registry. A person the caller may not read is shown by number only.
 */
@Component
class CaseworkParticipants implements Participants {

    private final Enrolments enrolments;
    private final Registry registry;

    CaseworkParticipants(Enrolments enrolments, Registry registry) {
        this.enrolments = enrolments;
        this.registry = registry;
    }

    @Override
    public List<Participant> activeAt(long siteId, LocalDate day) {
        return enrolments.activeAt(siteId, day).stream()
                .filter(CaseworkParticipants::workshop)
                .map(this::participant)
                .sorted(Comparator.comparing(Participant::name))
                .toList();
    }

    @Override
    public List<Participant> during(long siteId, LocalDate from, LocalDate to) {
        Map<Long, EnrolmentView> found = new LinkedHashMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(7)) {
            enrolments.activeAt(siteId, day).forEach(e -> found.putIfAbsent(e.id(), e));
        }
        enrolments.activeAt(siteId, to).forEach(e -> found.putIfAbsent(e.id(), e));
        return found.values().stream()
                .filter(CaseworkParticipants::workshop)
                .map(this::participant)
                .sorted(Comparator.comparing(Participant::name))
                .toList();
    }

    @Override
    public Optional<Participant> find(long enrolmentId) {
        return enrolments
                .find(enrolmentId)
                .filter(CaseworkParticipants::workshop)
                .map(this::participant);
    }

    @Override
    public boolean activeAt(long enrolmentId, long siteId, LocalDate day) {
        return enrolments
                .find(enrolmentId)
                .filter(CaseworkParticipants::workshop)
                .filter(e -> e.unitId() == siteId && e.activeOn(day))
                .isPresent();
    }

    private static boolean workshop(EnrolmentView enrolment) {
        return PROGRAMME.equals(enrolment.programmeCode());
    }

    private Participant participant(EnrolmentView e) {
        Optional<PersonView> person = registry.person(e.personId());
        return new Participant(
                e.id(),
                e.personId(),
                e.unitId(),
                person.map(PersonView::fullName).orElse("#" + e.personId()),
                person.map(PersonView::guardianName).orElse(null),
                e.enrolledOn(),
                e.endedOn(),
                person.map(p -> p.disabilityTypes().contains(DisabilityType.INTELLECTUAL))
                        .orElse(true));
    }
}
