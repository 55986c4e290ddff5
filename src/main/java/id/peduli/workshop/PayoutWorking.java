package id.peduli.workshop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The working of one site's month, computed in memory from the participants' tallies: gross per participant under the
 * site's earnings rule, the pool, the group fund's share and each participant's share by the largest-remainder rule
 * ({@link Allocation}). Each step is kept as a message key with its arguments, shown line by line on the payout page.
 */
final class PayoutWorking {

    private PayoutWorking() {}

    /** The working of one site's month without material costs. */
    static Working work(EarningsRule rule, Map<Long, Tally> tallies, Map<Long, Long> salePrices) {
        return work(rule, tallies, salePrices, 0);
    }

    /**
     * The working of one site's month: gross per participant, pool, group fund, shares. For EQUAL_SHARE the pool is the
     * margin: the accepted production at sale prices minus {@code materialCosts} (the materials used that month), never
     * below zero. Pure, for tests too.
     */
    static Working work(EarningsRule rule, Map<Long, Tally> tallies, Map<Long, Long> salePrices, long materialCosts) {
        Working working = new Working();
        List<Long> enrolments = new ArrayList<>(new TreeMap<>(tallies).keySet());
        long[] weights = new long[enrolments.size()];
        List<List<String>> steps = new ArrayList<>();
        long productionValue = 0;
        for (Tally tally : tallies.values()) {
            for (Map.Entry<Long, Long> made : tally.perProduct.entrySet()) {
                productionValue = Math.addExact(
                        productionValue,
                        Math.multiplyExact(made.getValue(), salePrices.getOrDefault(made.getKey(), 0L)));
            }
        }
        int eligible = 0;
        for (int i = 0; i < enrolments.size(); i++) {
            Tally tally = tallies.get(enrolments.get(i));
            List<String> lines = new ArrayList<>();
            lines.add(step("workshop.working.days", tally.days));
            long gross = 0;
            switch (rule.kind()) {
                case PIECE_RATE -> {
                    for (Map.Entry<Long, Long> made : new TreeMap<>(tally.perProduct).entrySet()) {
                        long rate = rule.pieceRates().getOrDefault(made.getKey(), 0L);
                        long subtotal = Math.multiplyExact(made.getValue(), rate);
                        gross = Math.addExact(gross, subtotal);
                        lines.add(step(
                                "workshop.working.piece",
                                "#" + made.getKey(),
                                made.getValue(),
                                Money.of(rate).format(),
                                Money.of(subtotal).format()));
                    }
                    weights[i] = gross;
                }
                case HOURLY -> {
                    gross = Math.multiplyExact(tally.minutes, rule.ratePerMinute());
                    lines.add(step(
                            "workshop.working.minutes",
                            tally.minutes,
                            Money.of(rule.ratePerMinute()).format(),
                            Money.of(gross).format()));
                    weights[i] = gross;
                }
                case EQUAL_SHARE -> {
                    boolean counts = tally.days >= rule.minDays() && tally.days > 0;
                    lines.add(step(
                            counts ? "workshop.working.eligible" : "workshop.working.notEligible", rule.minDays()));
                    weights[i] = counts ? 1 : 0;
                    eligible += counts ? 1 : 0;
                }
            }
            working.grossByIndex.add(gross);
            steps.add(lines);
        }
        long pool = rule.kind() == EarningsRule.Kind.EQUAL_SHARE
                ? Math.max(0, productionValue - materialCosts)
                : working.grossByIndex.stream().mapToLong(Long::longValue).sum();
        long fund = Allocation.share(pool, rule.fundBasisPoints());
        long[] shares = Allocation.split(pool - fund, weights);
        long paid = Arrays.stream(shares).sum();
        // with nobody to pay (no weight), the whole pool stays with the group fund
        working.pool = pool;
        working.groupFund = pool - paid;
        working.paid = paid;
        for (int i = 0; i < enrolments.size(); i++) {
            Tally tally = tallies.get(enrolments.get(i));
            List<String> lines = steps.get(i);
            if (rule.kind() == EarningsRule.Kind.EQUAL_SHARE) {
                lines.add(step(
                        "workshop.working.margin",
                        Money.of(productionValue).format(),
                        Money.of(materialCosts).format(),
                        Money.of(pool).format()));
                lines.add(step(
                        "workshop.working.equalShare",
                        Money.of(pool).format(),
                        rule.fundPercent(),
                        Money.of(pool - working.groupFund).format(),
                        eligible,
                        Money.of(shares[i]).format()));
            } else {
                lines.add(step(
                        "workshop.working.share",
                        Money.of(working.grossByIndex.get(i)).format(),
                        rule.fundPercent(),
                        Money.of(shares[i]).format()));
            }
            if (tally.adjustment != 0) {
                lines.add(step(
                        "workshop.working.adjustment",
                        Money.of(tally.adjustment).format()));
            }
            Line line = new Line();
            line.enrolmentId = enrolments.get(i);
            line.tally = tally;
            line.gross = working.grossByIndex.get(i);
            line.share = shares[i];
            line.working = String.join("\n", lines);
            working.lines.add(line);
        }
        return working;
    }

    private static String step(String key, Object... args) {
        StringBuilder out = new StringBuilder(key);
        for (Object arg : args) {
            out.append('\t').append(String.valueOf(arg).replace('\t', ' ').replace('\n', ' '));
        }
        return out.toString();
    }

    /** One participant's month, as read from the records. */
    static final class Tally {
        long personId;
        int days;
        long accepted;
        long minutes;
        long adjustment;
        final Map<Long, Long> perProduct = new LinkedHashMap<>();
    }

    static final class Line {
        long enrolmentId;
        Tally tally;
        long gross;
        long share;
        String working;
    }

    static final class Working {
        long pool;
        long groupFund;
        long paid;
        final List<Long> grossByIndex = new ArrayList<>();
        final List<Line> lines = new ArrayList<>();
    }
}
