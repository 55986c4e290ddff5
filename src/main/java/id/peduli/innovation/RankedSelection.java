package id.peduli.innovation;

import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The {@code size} best candidates by score (ties by id), without filling quota floors first; the panel sees the
 * floors this leaves unmet and must justify them. See {@link TopSelection}.
 */
@Component
class RankedSelection implements TopSelection {

    @Override
    public List<Long> select(List<Candidate> candidates, List<Period.QuotaFloor> floors, int size) {
        return candidates.stream()
                .sorted(Comparator.comparingDouble(Candidate::score).reversed().thenComparingLong(Candidate::id))
                .limit(size)
                .map(Candidate::id)
                .toList();
    }
}
