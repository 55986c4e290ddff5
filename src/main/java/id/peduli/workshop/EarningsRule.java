package id.peduli.workshop;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.YearMonth;
import java.util.Map;

/**
 * How a site turns a month's records into earnings, valid from {@code validFrom} until the site's next rule.
 * PIECE_RATE pays {@code pieceRates} rupiah per accepted unit of each product; HOURLY pays {@code ratePerMinute}
 * rupiah per minute worked; EQUAL_SHARE splits the month's margin equally among the participants who attended on at
 * least {@code minDays} days. Before paying, {@code fundBasisPoints} (hundredths of a percent) of the pool stay with
 * the group fund.
 */
public record EarningsRule(
        long id,
        long siteId,
        YearMonth validFrom,
        Kind kind,
        int fundBasisPoints,
        long ratePerMinute,
        int minDays,
        Map<Long, Long> pieceRates) {

    @Schema(name = "WorkshopEarningsRuleKind")
    public enum Kind {
        PIECE_RATE,
        HOURLY,
        EQUAL_SHARE
    }

    public EarningsRule {
        pieceRates = Map.copyOf(pieceRates);
    }

    /** The group fund share in percent, for display (e.g. 10 or 12.5). */
    public String fundPercent() {
        return fundBasisPoints % 100 == 0
                ? String.valueOf(fundBasisPoints / 100)
                : java.math.BigDecimal.valueOf(fundBasisPoints, 2)
                        .stripTrailingZeros()
                        .toPlainString();
    }
}
