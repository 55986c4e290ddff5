package id.peduli.innovation.proposal;

import id.peduli.innovation.period.ParticipantType;
import id.peduli.innovation.period.ProposalGroup;
import java.time.LocalDate;

/** What the unit operator fills in for an innovation and the proposal that enters it in a period. */
public record InnovationForm(
        Long unitId,
        String title,
        LocalDate startedOn,
        String problem,
        String baseline,
        String approach,
        String results,
        String sdgTags,
        String priorityTags,
        String videoUrl,
        ParticipantType participantType,
        Boolean threeT,
        ProposalGroup group,
        String categoryCode,
        Long sourceInnovationId,
        String adaptation,
        Integer version) {

    static InnovationForm empty(Long unitId) {
        return new InnovationForm(
                unitId,
                "",
                null,
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                ParticipantType.REGENCY,
                false,
                ProposalGroup.GENERAL,
                null,
                null,
                "",
                null);
    }

    static InnovationForm of(ProposalView p) {
        var i = p.innovation();
        return new InnovationForm(
                p.unitId(),
                i.title(),
                i.startedOn(),
                i.problem(),
                i.baseline(),
                i.approach(),
                i.results(),
                String.join(", ", i.sdgTags()),
                String.join(", ", i.priorityTags()),
                i.videoUrl() == null ? "" : i.videoUrl(),
                i.participantType(),
                i.threeT(),
                p.group(),
                p.categoryCode(),
                p.sourceInnovationId(),
                p.adaptation(),
                p.version());
    }
}
