package id.peduli.workshop;

import java.time.YearMonth;
import java.util.List;

/** One row of the dashboard table: a site, a month and the value of each indicator (null when there is none). */
public record DashboardRow(long siteId, String siteName, YearMonth month, List<String> values) {}
