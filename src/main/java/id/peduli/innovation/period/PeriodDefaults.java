package id.peduli.innovation.period;

import id.peduli.innovation.period.Period.Aspect;
import id.peduli.innovation.period.Period.Category;
import id.peduli.innovation.period.Period.QuotaDimension;
import id.peduli.innovation.period.Period.QuotaFloor;
import java.util.List;

/**
 * The defaults of a new period, from the domain guide: the eleven aspects of the rubric with their weights (assumed),
 * an extra aspect for the replication and the special group, pass mark 85, Top 99 then Top 40, decision support
 * 40/40/20 and a five-day objection window. Categories and quota floors are assumptions the secretariat edits.
 */
public final class PeriodDefaults {

    static final List<ProposalGroup> ALL = List.of(ProposalGroup.values());

    public static final List<Aspect> ASPECTS = List.of(
            new Aspect("BACKGROUND", 10, ALL),
            new Aspect("CATEGORY_FIT", 5, ALL),
            new Aspect("SDG_PRIORITY", 5, ALL),
            new Aspect("DESCRIPTION", 5, ALL),
            new Aspect("INNOVATIVENESS", 15, ALL),
            new Aspect("TRANSFERABILITY", 15, ALL),
            new Aspect("RESOURCES", 5, ALL),
            new Aspect("SUSTAINABILITY", 10, ALL),
            new Aspect("RESULTS", 15, ALL),
            new Aspect("STAKEHOLDERS", 10, ALL),
            new Aspect("LESSONS", 5, ALL),
            new Aspect("ADAPTATION", 10, List.of(ProposalGroup.REPLICATION)),
            new Aspect("DEVELOPMENT", 10, List.of(ProposalGroup.SPECIAL)));

    static final List<Category> CATEGORIES = List.of(
            new Category("BASIC_SERVICES", "Pelayanan dasar"),
            new Category("SOCIAL_PROTECTION", "Perlindungan sosial dan pemberdayaan masyarakat"),
            new Category("ECONOMY", "Pertumbuhan ekonomi dan investasi"),
            new Category("GOVERNANCE", "Tata kelola pemerintahan"),
            new Category("ENVIRONMENT", "Lingkungan hidup dan ketahanan bencana"));

    static final List<QuotaFloor> QUOTAS = List.of(
            new QuotaFloor(QuotaDimension.PARTICIPANT_TYPE, "MINISTRY", 5),
            new QuotaFloor(QuotaDimension.PARTICIPANT_TYPE, "PROVINCE", 10),
            new QuotaFloor(QuotaDimension.PARTICIPANT_TYPE, "CITY", 10),
            new QuotaFloor(QuotaDimension.PARTICIPANT_TYPE, "REGENCY", 20),
            new QuotaFloor(QuotaDimension.PARTICIPANT_TYPE, "STATE_ENTERPRISE", 2),
            new QuotaFloor(QuotaDimension.THREE_T, "true", 5),
            new QuotaFloor(QuotaDimension.GROUP, "REPLICATION", 5));

    static final double PASS_MARK = 85;
    static final int TOP_FIRST = 99;
    static final int TOP_FINAL = 40;
    static final int OBJECTION_DAYS = 5;
    static final int SCALE_MAX = 10;

    private PeriodDefaults() {}
}
