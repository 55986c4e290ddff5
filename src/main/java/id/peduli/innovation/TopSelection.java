package id.peduli.innovation;

import java.util.List;

/**
 * Seam for the quota-constrained Top-N selection of S5: from ranked candidates, the ids to propose. The
 * implementation in use is {@link RankedSelection} (by score only, then reports unmet floors); the quota-constrained
 * selector of the {@code selection} package is meant to replace it behind this interface.
 */
interface TopSelection {

    List<Long> select(List<Candidate> candidates, List<Period.QuotaFloor> floors, int size);

    /** A proposal as the selection sees it: its score and the values of every quota dimension. */
    record Candidate(long id, double score, String category, String group, String participantType, boolean threeT) {

        String value(Period.QuotaDimension dimension) {
            return switch (dimension) {
                case CATEGORY -> category;
                case GROUP -> group;
                case PARTICIPANT_TYPE -> participantType;
                case THREE_T -> String.valueOf(threeT);
            };
        }
    }

    /** The floors the selection {@code chosen} leaves unmet, with how many it has. */
    static List<String> unmetFloors(List<Candidate> chosen, List<Period.QuotaFloor> floors) {
        return floors.stream()
                .filter(f -> chosen.stream()
                                .filter(c -> f.value().equalsIgnoreCase(c.value(f.dimension())))
                                .count()
                        < f.minimum())
                .map(f -> f.dimension() + "=" + f.value() + " ("
                        + chosen.stream()
                                .filter(c -> f.value().equalsIgnoreCase(c.value(f.dimension())))
                                .count()
                        + "/" + f.minimum() + ")")
                .toList();
    }
}
