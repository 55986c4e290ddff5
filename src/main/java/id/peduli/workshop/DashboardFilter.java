package id.peduli.workshop;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;

/**
 * The dashboard's filters, with the sites the caller may read ({@code allSites}) and those chosen. {@code level} is
 * {@code province} (one row per province and month) or {@code site} (one row per site and month).
 */
public record DashboardFilter(
        String province,
        Long site,
        YearMonth from,
        YearMonth to,
        String level,
        List<SiteView> allSites,
        List<SiteView> chosen,
        Set<String> provinces) {

    public boolean byProvince() {
        return "province".equals(level);
    }

    /** The query string of these filters, for links to the downloads. */
    public String query() {
        return "?level=" + level + "&province=" + (province == null ? "" : province) + "&site="
                + (site == null ? "" : site) + "&from=" + from + "&to=" + to;
    }
}
