package id.peduli.workshop;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * A monthly payout run of a site: the rule it used, the pool, the group fund's share and what each participant gets.
 * {@code pool = groupFund + Σ share}; each line's {@code amount = share + adjustment}. Approved runs are frozen.
 */
public record PayoutRunView(
        long id,
        long siteId,
        String siteName,
        YearMonth period,
        Status status,
        EarningsRule.Kind ruleKind,
        int fundBasisPoints,
        Money pool,
        Money groupFund,
        Money paidTotal,
        Instant computedAt,
        Instant approvedAt,
        int version,
        List<PayoutLineView> lines) {

    @Schema(name = "WorkshopPayoutStatus")
    public enum Status {
        DRAFT,
        APPROVED
    }

    public boolean frozen() {
        return status == Status.APPROVED;
    }
}
