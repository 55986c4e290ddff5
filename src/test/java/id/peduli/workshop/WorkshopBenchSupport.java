package id.peduli.workshop;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContext;

/** What the payout benchmark (package {@code bench}) may call of the workshop: the month-end run over many sites. */
public final class WorkshopBenchSupport {

    private WorkshopBenchSupport() {}

    /**
     * Computes and stores the draft runs of {@code period} for the sites, all with a piece rate of {@code rate} per
     * accepted unit of each product and a 10 % group fund share. Answers the id of the last run written.
     */
    /** A site of its own for the sync benchmark, with a product and participants enrolled four months ago. */
    public record SyncSite(long siteId, long productId, List<Long> participants) {}

    /** Creates (or finds) the site {@code name} with {@code count} participants, through the application. */
    public static SyncSite syncSite(
            ApplicationContext context, org.springframework.test.web.servlet.MockMvc mvc, String name, int count)
            throws Exception {
        long site = WorkshopTestSupport.freshSite(context, name);
        ProductView product = WorkshopTestSupport.product(context, site, "KST-SYNC", 15_000);
        List<Long> participants = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            participants.add(WorkshopTestSupport.participant(
                            context,
                            mvc,
                            site,
                            "Peserta Sinkron " + (i + 1),
                            id.peduli.Today.date().minusMonths(4))
                    .enrolmentId());
        }
        return new SyncSite(site, product.id(), participants);
    }

    public static long runAll(
            ApplicationContext context, YearMonth period, List<Long> siteIds, List<Long> productIds, long rate) {
        Map<Long, Long> rates = new HashMap<>();
        Map<Long, Long> prices = new HashMap<>();
        for (Long product : productIds) {
            rates.put(product, rate);
            prices.put(product, rate * 3);
        }
        Map<Long, EarningsRule> rules = new HashMap<>();
        Map<Long, Map<Long, Long>> salePrices = new HashMap<>();
        for (Long site : siteIds) {
            rules.put(site, new EarningsRule(0, site, period, EarningsRule.Kind.PIECE_RATE, 1000, 0, 0, rates));
            salePrices.put(site, prices);
        }
        return context.getBean(Payouts.class).computeAll(period, rules, salePrices);
    }
}
