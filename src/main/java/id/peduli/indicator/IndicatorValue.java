package id.peduli.indicator;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/** The value of an indicator for one unit and month, as of a moment (when it was computed or last changed). */
public record IndicatorValue(String code, long unitId, YearMonth period, BigDecimal value, Instant asOf) {}
