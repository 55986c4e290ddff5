package id.peduli.workshop;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits a whole number of rupiah into parts in proportion to weights, by the <em>largest remainder</em> rule: every
 * part first gets the whole rupiah of its exact share (rounded down), then the rupiah left over go one each to the parts
 * with the largest fractional remainders; equal remainders go to the earlier part (the order the caller gives, by
 * participant). The parts always add up to the total exactly: no rupiah is lost or created, and no part differs from
 * its exact share by a rupiah or more.
 */
final class Allocation {

    private Allocation() {}

    /**
     * The parts of {@code total} (zero or more) for {@code weights} (each zero or more). With no positive weight every
     * part is zero; the caller keeps the total (for example in the group fund).
     */
    static long[] split(long total, long[] weights) {
        if (total < 0) {
            throw new IllegalArgumentException("total must not be negative: " + total);
        }
        long[] parts = new long[weights.length];
        BigInteger sum = BigInteger.ZERO;
        for (long weight : weights) {
            if (weight < 0) {
                throw new IllegalArgumentException("weights must not be negative: " + weight);
            }
            sum = sum.add(BigInteger.valueOf(weight));
        }
        if (sum.signum() == 0 || total == 0) {
            return parts;
        }
        BigInteger big = BigInteger.valueOf(total);
        BigInteger[] remainders = new BigInteger[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            BigInteger[] qr = big.multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(sum);
            parts[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            given += parts[i];
        }
        long left = total - given;
        List<Integer> order = new ArrayList<>(weights.length);
        for (int i = 0; i < weights.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer, BigInteger>comparing(i -> remainders[i])
                .reversed()
                .thenComparing(Comparator.naturalOrder()));
        for (int k = 0; k < left; k++) {
            parts[order.get(k)]++;
        }
        return parts;
    }

    /** {@code amount × basisPoints / 10,000}, rounded down: the share kept for the group fund. */
    static long share(long amount, int basisPoints) {
        if (basisPoints < 0 || basisPoints > 10_000) {
            throw new IllegalArgumentException("basis points out of range: " + basisPoints);
        }
        return BigInteger.valueOf(amount)
                .multiply(BigInteger.valueOf(basisPoints))
                .divide(BigInteger.valueOf(10_000))
                .longValueExact();
    }
}
