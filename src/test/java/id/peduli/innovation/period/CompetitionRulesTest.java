package id.peduli.innovation.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.peduli.innovation.award.Panel;
import id.peduli.innovation.evaluation.Evaluations;
import id.peduli.innovation.proposal.Attachments;
import id.peduli.innovation.selection.TopSelection;
import id.peduli.shared.BusinessException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Period set-up rules, the weighted rubric total, attachment types by content, and unmet quota floors. */
class CompetitionRulesTest {

    @Test
    void theDefaultPeriodFollowsTheDomainGuide() {
        Periods.Parsed parsed = Periods.parse(PeriodForm.defaults(2027));
        PeriodForm form = PeriodForm.defaults(2027);
        assertThat(form.passMark()).isEqualTo(85);
        assertThat(form.topFirst()).isEqualTo(99);
        assertThat(form.topFinal()).isEqualTo(40);
        assertThat(form.objectionDays()).isEqualTo(5);
        assertThat(List.of(form.weightAssessment(), form.weightPresentation(), form.weightField()))
                .containsExactly(40, 40, 20);
        int general = parsed.aspects().stream()
                .filter(a -> a.answeredBy(ProposalGroup.GENERAL))
                .mapToInt(Period.Aspect::weight)
                .sum();
        assertThat(general).isEqualTo(100);
        assertThat(parsed.aspects().stream().filter(a -> a.answeredBy(ProposalGroup.GENERAL)))
                .hasSize(11);
        assertThat(parsed.aspects().stream().filter(a -> a.answeredBy(ProposalGroup.REPLICATION)))
                .hasSize(12);
    }

    @Test
    void badSetUpIsRefusedWithTheField() {
        PeriodForm d = PeriodForm.defaults(2027);
        assertThatThrownBy(() -> Periods.parse(with(d, 50, 40, 20, d.aspects())))
                .isInstanceOf(BusinessException.class)
                .hasMessage("innovation.period.weightsInvalid");
        assertThatThrownBy(() -> Periods.parse(with(d, 40, 40, 20, d.aspects() + "\nNEW | many | GENERAL")))
                .hasMessage("innovation.period.lineInvalid");
        // one aspect of one group: the aspects every group answers no longer weigh 100 together
        assertThatThrownBy(() -> Periods.parse(with(d, 40, 40, 20, "BACKGROUND | 10 | GENERAL")))
                .hasMessage("innovation.period.rubricWeights");
    }

    @Test
    void everyGroupHasARubricOnceTheSharedAspectsWeighAHundred() {
        // the only aspect of the replication and special groups weighs nothing; the shared one weighs 100: accepted,
        // and every group answers aspects of weight 100 (so a check for a group without weight could never fire)
        PeriodForm d = PeriodForm.defaults(2027);
        Periods.Parsed parsed = Periods.parse(with(
                d, 40, 40, 20, "BACKGROUND | 100 | GENERAL,REPLICATION,SPECIAL\nADAPTATION | 0 | REPLICATION,SPECIAL"));
        for (ProposalGroup group : ProposalGroup.values()) {
            assertThat(parsed.aspects().stream()
                            .filter(a -> a.answeredBy(group))
                            .mapToInt(Period.Aspect::weight)
                            .sum())
                    .isEqualTo(100);
        }
    }

    @Test
    void theTotalIsWeightedAndScaledTo100() {
        List<Period.Aspect> aspects =
                List.of(new Period.Aspect("A", 10, PeriodDefaults.ALL), new Period.Aspect("B", 30, PeriodDefaults.ALL));
        // (10*10 + 30*5) / 40 = 6.25 of 10 -> 62.5
        assertThat(Evaluations.weightedTotal(aspects, Map.of("A", 10, "B", 5), 10))
                .isEqualByComparingTo("62.50");
        assertThat(Evaluations.weightedTotal(aspects, Map.of("A", 10, "B", 10), 10))
                .isEqualByComparingTo("100");
    }

    @Test
    void attachmentsAreRecognisedByTheirFirstBytesOnly() {
        assertThat(Attachments.sniff("%PDF-1.7 rest".getBytes())).isEqualTo("application/pdf");
        assertThat(Attachments.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0}))
                .isEqualTo("image/png");
        assertThat(Attachments.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}))
                .isEqualTo("image/jpeg");
        assertThat(Attachments.sniff("MZ executable named bukti.pdf".getBytes()))
                .isNull();
        assertThat(Attachments.sniff("<html>%PDF-".getBytes())).isNull();
        assertThat(Attachments.sniff(new byte[0])).isNull();
    }

    @Test
    void thePeriodsFloorsBecomeQuotasOfTheSelection() {
        List<Period.QuotaFloor> floors = List.of(
                new Period.QuotaFloor(Period.QuotaDimension.THREE_T, "true", 1),
                new Period.QuotaFloor(Period.QuotaDimension.THREE_T, "false", 4),
                new Period.QuotaFloor(Period.QuotaDimension.PARTICIPANT_TYPE, "ministry", 1),
                new Period.QuotaFloor(Period.QuotaDimension.GROUP, "REPLICATION", 2),
                new Period.QuotaFloor(Period.QuotaDimension.GROUP, "REPLICATION", 3));
        assertThat(Panel.floors(floors))
                .containsExactly(
                        Map.entry(TopSelection.QuotaKey.threeT(), 1),
                        Map.entry(TopSelection.QuotaKey.participantType("MINISTRY"), 1),
                        Map.entry(TopSelection.QuotaKey.group("REPLICATION"), 3));
    }

    private static PeriodForm with(PeriodForm d, int wa, int wp, int wf, String aspects) {
        return new PeriodForm(
                d.year(),
                d.title(),
                d.registrationOpens(),
                d.unitDeadline(),
                d.submitDeadline(),
                d.screeningDeadline(),
                d.assessmentDeadline(),
                d.objectionDays(),
                d.passMark(),
                d.topFirst(),
                d.topFinal(),
                wa,
                wp,
                wf,
                d.categories(),
                aspects,
                d.quotaFloors(),
                null);
    }
}
