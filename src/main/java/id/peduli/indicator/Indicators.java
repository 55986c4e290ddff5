package id.peduli.indicator;

import id.peduli.access.Access;
import id.peduli.shared.BusinessException;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Every module's indicators. Reading values checks, before any source is asked: the indicator exists (404), the
 * caller holds one of its roles somewhere (403), and every unit asked for is covered by such a grant (404, as for a
 * unit that does not exist: ADR 5).
 */
@Service
public class Indicators {

    /** At most this many months in one request. */
    public static final int MAX_MONTHS = 120;

    private final Map<String, Entry> byCode = new LinkedHashMap<>();
    private final Access access;

    Indicators(ObjectProvider<IndicatorSource> sources, Access access) {
        this.access = access;
        sources.orderedStream()
                .forEach(source -> source.definitions().forEach(definition -> {
                    if (byCode.putIfAbsent(definition.code(), new Entry(definition, source)) != null) {
                        throw new IllegalStateException("Indicator declared twice: " + definition.code());
                    }
                }));
    }

    /** The indicators the current user may read for at least one unit, by code. */
    public List<IndicatorDefinition> definitions() {
        return byCode.values().stream()
                .map(Entry::definition)
                .filter(d -> access.hasAnyRole(d.roles().toArray(String[]::new)))
                .sorted(Comparator.comparing(IndicatorDefinition::code))
                .toList();
    }

    public Optional<IndicatorDefinition> definition(String code) {
        return Optional.ofNullable(byCode.get(code)).map(Entry::definition);
    }

    /** The values for the units and months asked for, after the checks described on the class. */
    public List<IndicatorValue> values(String code, Set<Long> unitIds, YearMonth from, YearMonth to) {
        Entry entry = byCode.get(code);
        if (entry == null) {
            throw BusinessException.notFound("indicator.notFound");
        }
        String[] roles = entry.definition().roles().toArray(String[]::new);
        if (!access.hasAnyRole(roles)) {
            throw new AccessDeniedException("no role for indicator " + code);
        }
        if (unitIds.stream().anyMatch(java.util.Objects::isNull)) {
            throw BusinessException.notFound("org.notFound", (Object) null);
        }
        Set<Long> covered = access.covered(unitIds, roles);
        for (Long unit : unitIds) {
            if (!covered.contains(unit)) {
                throw BusinessException.notFound("org.notFound", unit);
            }
        }
        if (unitIds.isEmpty()) {
            throw BusinessException.invalid("unit", "indicator.unitRequired");
        }
        if (from == null
                || to == null
                || from.isAfter(to)
                || from.plusMonths(MAX_MONTHS - 1).isBefore(to)) {
            throw BusinessException.invalid("from", "indicator.periodInvalid", MAX_MONTHS);
        }
        return entry.source().values(code, Set.copyOf(unitIds), from, to);
    }

    private record Entry(IndicatorDefinition definition, IndicatorSource source) {}
}
