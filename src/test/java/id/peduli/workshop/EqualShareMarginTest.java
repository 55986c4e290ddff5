package id.peduli.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** EQUAL_SHARE pays out the month's margin: production at sale prices less the materials used, never below zero. */
class EqualShareMarginTest {

    private static final EarningsRule RULE =
            new EarningsRule(1, 1, YearMonth.of(2026, 10), EarningsRule.Kind.EQUAL_SHARE, 1000, 0, 2, Map.of());

    private static Map<Long, PayoutWorking.Tally> twoParticipants() {
        PayoutWorking.Tally a = new PayoutWorking.Tally();
        a.days = 5;
        a.perProduct.put(7L, 30L);
        PayoutWorking.Tally b = new PayoutWorking.Tally();
        b.days = 4;
        b.perProduct.put(7L, 20L);
        return Map.of(11L, a, 12L, b);
    }

    @Test
    void materialCostsComeOffThePoolBeforeTheGroupFundAndTheShares() {
        // 50 units at Rp 10.000 = Rp 500.000; materials used Rp 120.000; margin Rp 380.000; 10 % fund Rp 38.000
        PayoutWorking.Working working = PayoutWorking.work(RULE, twoParticipants(), Map.of(7L, 10_000L), 120_000);
        assertThat(working.pool).isEqualTo(380_000);
        assertThat(working.groupFund).isEqualTo(38_000);
        assertThat(working.lines).extracting(line -> line.share).containsExactly(171_000L, 171_000L);
        assertThat(working.lines.get(0).working)
                .contains("workshop.working.margin\tRp 500.000\tRp 120.000\tRp 380.000");
    }

    @Test
    void costsAboveTheProductionValueLeaveNothingToShareRatherThanADebt() {
        PayoutWorking.Working working = PayoutWorking.work(RULE, twoParticipants(), Map.of(7L, 10_000L), 900_000);
        assertThat(working.pool).isZero();
        assertThat(working.paid).isZero();
        assertThat(working.lines).extracting(line -> line.share).containsOnly(0L);
    }
}
