package id.peduli.workshop;

import java.time.YearMonth;
import java.util.List;

/**
 * One row of the dashboard table: a group (a province, a site or the whole programme), a month and the value of each
 * indicator (null when there is none). {@code key} identifies the group (province code, site id, or "all").
 */
public record DashboardRow(String key, String label, YearMonth month, List<String> values) {}
