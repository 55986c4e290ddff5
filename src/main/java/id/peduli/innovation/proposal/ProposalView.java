package id.peduli.innovation.proposal;

import id.peduli.innovation.period.ParticipantType;
import id.peduli.innovation.period.ProposalGroup;
import id.peduli.innovation.selection.FailReason;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A proposal as pages and the API show it, with the innovation it enters. */
public record ProposalView(
        long id,
        long periodId,
        int periodYear,
        long innovationId,
        long unitId,
        String unitName,
        ProposalGroup group,
        String categoryCode,
        ProposalState state,
        List<FailReason> failReasons,
        String screeningNote,
        BigDecimal assessmentScore,
        BigDecimal normalisedScore,
        BigDecimal presentationScore,
        BigDecimal fieldScore,
        BigDecimal decisionScore,
        Long sourceInnovationId,
        String adaptation,
        int version,
        Instant updatedAt,
        InnovationView innovation) {

    /** The innovation: persistent across periods. */
    @Schema(name = "InnovationView")
    public record InnovationView(
            long id,
            String title,
            LocalDate startedOn,
            String problem,
            String baseline,
            String approach,
            String results,
            List<String> sdgTags,
            List<String> priorityTags,
            String videoUrl,
            ParticipantType participantType,
            boolean threeT,
            int version) {}

    public String title() {
        return innovation.title();
    }
}
