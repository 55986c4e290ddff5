package id.peduli.innovation.demo;

import static org.assertj.core.api.Assertions.assertThat;

import id.peduli.innovation.period.Period;
import id.peduli.innovation.period.PeriodDefaults;
import id.peduli.innovation.period.ProposalGroup;
import id.peduli.innovation.selection.NearDuplicateProposals;
import id.peduli.innovation.selection.NearDuplicates;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The generated demo texts differ clearly: no two of them, not even two of the same subject, come near the screening's
 * near-duplicate thresholds, and every answer is long enough not to read as perfunctory.
 */
class InnovationDemoTextsTest {

    private static final List<String> ASPECTS = PeriodDefaults.ASPECTS.stream()
            .filter(a -> a.answeredBy(ProposalGroup.GENERAL))
            .map(Period.Aspect::code)
            .toList();

    @Test
    void noTwoGeneratedProposalsAreNearDuplicates() {
        Random random = new Random(7);
        List<NearDuplicates.Document> docs = new ArrayList<>();
        String[] agencies = {"Pemkab Banyuwangi", "Pemkot Makassar", "Kemenkes", "Pemprov NTT", "PLN"};
        for (int i = 0; i < 60; i++) {
            // every subject twice or more: the worst case, two agencies with the same service
            InnovationDemoTexts.Subject subject = InnovationDemoTexts.SUBJECTS.get(i % 12);
            InnovationDemoTexts.Text t =
                    InnovationDemoTexts.text(random, subject, agencies[i % agencies.length], 2020, ASPECTS);
            String text = String.join(
                    " ",
                    t.problem(),
                    t.baseline(),
                    t.approach(),
                    t.results(),
                    String.join(" ", t.answers().values()));
            docs.add(new NearDuplicates.Document(
                    i, i % agencies.length, 2026, InnovationDemoTexts.title(random, subject, 0), text));
            int total = t.answers().values().stream().mapToInt(String::length).sum();
            assertThat(total / ASPECTS.size()).isGreaterThanOrEqualTo(100);
        }
        NearDuplicates index = NearDuplicates.index(docs);
        double[] worst = new double[4]; // similarity and containment: other subject, same subject
        for (NearDuplicates.Document d : docs) {
            for (NearDuplicates.Match m : index.similar(d, 10)) {
                if (m.id() != d.id()) {
                    int k = m.id() % 12 == d.id() % 12 ? 2 : 0;
                    worst[k] = Math.max(worst[k], m.similarity());
                    worst[k + 1] = Math.max(worst[k + 1], m.containment());
                }
            }
        }
        // another subject: well below the thresholds; the same service in two agencies: still below them
        assertThat(worst[0]).isLessThan(NearDuplicateProposals.MIN_SIMILARITY * 0.8);
        assertThat(worst[1]).isLessThan(NearDuplicateProposals.MIN_CONTAINMENT * 0.8);
        assertThat(worst[2]).isLessThan(NearDuplicateProposals.MIN_SIMILARITY);
        assertThat(worst[3]).isLessThan(NearDuplicateProposals.MIN_CONTAINMENT);
    }
}
