package id.peduli.workshop;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.YearMonth;
import java.util.Map;

/**
 * A new earnings rule for a site. It applies from {@code validFrom}, which must be a month after the current one: a
 * rule never changes a period already under way. The group fund share is in percent (0 to 100, whole numbers).
 */
public record EarningsRuleCommand(
        @NotNull(message = "{validation.required}") YearMonth validFrom,
        @NotNull(message = "{validation.required}") EarningsRule.Kind kind,

        @NotNull(message = "{validation.required}")
        @Min(value = 0, message = "{workshop.fundRange}")
        @Max(value = 100, message = "{workshop.fundRange}")
        Integer fundPercent,

        @Min(value = 0, message = "{workshop.rateRange}") @Max(value = 100_000, message = "{workshop.rateRange}")
        Long ratePerMinute,

        @Min(value = 0, message = "{workshop.minDaysRange}") @Max(value = 31, message = "{workshop.minDaysRange}")
        Integer minDays,

        Map<Long, Long> pieceRates) {

    public EarningsRuleCommand {
        pieceRates = pieceRates == null ? Map.of() : Map.copyOf(pieceRates);
    }
}
