package id.peduli.workshop;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;

/** The dashboard's filters, with the sites the caller may read ({@code allSites}) and those chosen. */
public record DashboardFilter(
        String province,
        Long site,
        YearMonth from,
        YearMonth to,
        List<SiteView> allSites,
        List<SiteView> chosen,
        Set<String> provinces) {}
