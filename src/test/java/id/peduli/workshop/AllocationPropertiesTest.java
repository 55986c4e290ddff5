package id.peduli.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** The largest-remainder rule over random totals and weights: the parts add up, and each is within a rupiah. */
class AllocationPropertiesTest {

    @Property(tries = 2000)
    void partsAddUpToTheTotal(
            @ForAll @LongRange(min = 0, max = 10_000_000_000L) long total,
            @ForAll @Size(min = 1, max = 40) List<@LongRange(min = 0, max = 5_000_000) Long> weights) {
        long[] w = weights.stream().mapToLong(Long::longValue).toArray();
        long[] parts = Allocation.split(total, w);
        long sumWeights = Arrays.stream(w).sum();
        assertThat(Arrays.stream(parts).sum()).isEqualTo(sumWeights == 0 ? 0 : total);
        for (int i = 0; i < w.length; i++) {
            assertThat(parts[i]).isNotNegative();
            if (sumWeights > 0) {
                BigInteger exactFloor = BigInteger.valueOf(total)
                        .multiply(BigInteger.valueOf(w[i]))
                        .divide(BigInteger.valueOf(sumWeights));
                assertThat(parts[i] - exactFloor.longValueExact()).isBetween(0L, 1L);
            }
            if (w[i] == 0) {
                assertThat(parts[i]).isZero();
            }
        }
    }

    @Property(tries = 500)
    void equalWeightsDifferByAtMostOneRupiah(
            @ForAll @LongRange(min = 0, max = 100_000_000) long total, @ForAll @IntRange(min = 1, max = 30) int n) {
        long[] w = new long[n];
        Arrays.fill(w, 1);
        long[] parts = Allocation.split(total, w);
        long max = Arrays.stream(parts).max().orElseThrow();
        long min = Arrays.stream(parts).min().orElseThrow();
        assertThat(max - min).isLessThanOrEqualTo(1);
        assertThat(Arrays.stream(parts).sum()).isEqualTo(total);
    }

    @Property(tries = 500)
    void fundShareAndPartsMakeTheWholePool(
            @ForAll @LongRange(min = 0, max = 1_000_000_000L) long pool,
            @ForAll @IntRange(min = 0, max = 10_000) int basisPoints,
            @ForAll @Size(min = 1, max = 25) List<@LongRange(min = 1, max = 1_000_000) Long> weights) {
        long fund = Allocation.share(pool, basisPoints);
        long[] parts = Allocation.split(
                pool - fund, weights.stream().mapToLong(Long::longValue).toArray());
        assertThat(fund + Arrays.stream(parts).sum()).isEqualTo(pool);
    }
}
