package id.peduli.indicator;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;

/**
 * Contribution: the indicators a module offers. {@link #values} is only called by {@link Indicators}, after the
 * caller's roles and units were checked, with units the caller may read; it answers one value per unit and month that
 * has data, from its own tables.
 */
public interface IndicatorSource {

    List<IndicatorDefinition> definitions();

    List<IndicatorValue> values(String code, Set<Long> unitIds, YearMonth from, YearMonth to);
}
