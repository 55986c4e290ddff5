package id.peduli.registry.search;

import id.peduli.access.Access;
import id.peduli.organization.OrgUnit;
import id.peduli.organization.Organizations;
import id.peduli.platform.FieldEncryption;
import id.peduli.region.Regions;
import id.peduli.registry.DisabilityType;
import id.peduli.registry.RegistryRoles;
import id.peduli.registry.Sex;
import id.peduli.registry.identity.NameKey;
import id.peduli.registry.person.Households;
import id.peduli.shared.PageResult;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds people in the registry: by name with typos and spelling variants, by exact NIK or KK number, and by region,
 * age, sex and disability. Results are always limited to the units the user's grants cover for reading the
 * registry, leave out merged records and show the NIK masked.
 *
 * <p>A name is folded with {@link NameKey} ("Mohammad Risky" and "Muhamad Rizki" meet), then matched word by word
 * ({@link NameTokens}): each word of three letters or more must meet a word of the person's name that is the same,
 * one typo away (two for long words) or, for a word typed in part, starts with it. The dictionary of name words
 * ({@link NameDictionary}) turns each query word into a handful of words, and the array index on the people's name
 * words finds the people who have one of each, a small set even among a million people, which is then ranked by the
 * similarity of the whole name. What the user typed is checked first ({@link SearchInput}). The steps widen from every word as typed to any close word (see {@link #plans}); a broad name ranks a
 * bounded number of the people it matches (ADR 4). Only when a word shares too few trigrams with every dictionary
 * word is the whole name compared by trigram word similarity, which tolerates more but has to look at many more
 * candidates.
 */
@Service
public class PersonSearch {

    /** Word similarity needed at first; most typos stay above it. */
    static final String STRICT_THRESHOLD = "0.6";
    /** Word similarity tried when the strict search found nothing (several typos in a short name). */
    static final String RELAXED_THRESHOLD = "0.4";
    /**
     * When every word occurs as typed and at least this many people have them all (a full first page), only they
     * are shown: anyone one typo away would rank below them anyway.
     */
    static final int EXACT_ENOUGH = 20;

    public static final String KK_FIELD = Households.KK_FIELD;

    private static final int REGION_NAME_CACHE = 20_000;
    static final String COLUMNS = "p.id, p.full_name, p.sex, p.birth_date, p.birth_year, p.birth_date_approximate,"
            + " p.nik_masked, p.region_code, p.org_unit_id, p.disability_types";

    private final JdbcClient jdbc;
    private final NameDictionary dictionary;
    private final FieldEncryption encryption;
    private final Regions regions;
    private final Organizations organizations;
    private final Access access;
    private final Clock clock;
    private final ZoneId zone;
    private final Map<String, String> regionNames = new ConcurrentHashMap<>();
    /**
     * A name search ranks at most this many of the people a plan finds (plus the few found by the closer plans tried
     * before it); when more match, the total is reported as "more than" this and the user is asked to narrow the
     * search. Fetching and ranking every one of 60,000 people called Siti would take far longer than reading the
     * list ever could.
     */
    private int sampleLimit;
    /** Lists without a name (everyone, filters only) count up to this many people, then say "more than". */
    private int countLimit;

    PersonSearch(
            JdbcClient jdbc,
            NameDictionary dictionary,
            FieldEncryption encryption,
            Regions regions,
            Organizations organizations,
            Access access,
            Clock clock,
            @Value("${peduli.time-zone}") String zone,
            @Value("${peduli.registry.search-rank-limit:1000}") int sampleLimit,
            @Value("${peduli.registry.list-count-limit:10000}") int countLimit) {
        this.sampleLimit = sampleLimit;
        this.countLimit = countLimit;
        this.jdbc = jdbc;
        this.dictionary = dictionary;
        this.encryption = encryption;
        this.regions = regions;
        this.organizations = organizations;
        this.access = access;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /** The units whose people the user may find: every unit, or the listed ones (none at all when empty). */
    record UnitScope(boolean all, List<Long> units) {

        boolean none() {
            return !all && units.isEmpty();
        }
    }

    /**
     * A WHERE clause with its parameters; for names, the relevance order ({@code rank}, which may use the window
     * {@code count(*) over ()}), the word similarity threshold to set first (trigram matching only) and the
     * conditions of the closer plan tried before this one ({@code include}), whose few people are always ranked even
     * when this plan finds more people than are ranked.
     */
    record Where(
            String sql, MapSqlParameterSource params, String rank, String threshold, long minimum, String include) {

        Where(String sql, MapSqlParameterSource params, String rank, String threshold) {
            this(sql, params, rank, threshold, 1, null);
        }

        /** The same plan, used only when it finds at least {@code count} people (otherwise the next is tried). */
        Where atLeast(long count) {
            return new Where(sql, params, rank, threshold, count, include);
        }

        /** The same plan, also ranking everyone the conditions {@code closer} find. */
        Where including(String closer) {
            return new Where(sql, params, rank, threshold, minimum, closer);
        }
    }

    /** One page of people matching the criteria within the user's units; the closest names first. */
    @Transactional(readOnly = true)
    PageResult<PersonSummary> search(SearchCriteria criteria, int page, int size) {
        int pageSize = PageResult.clampSize(size);
        int pageNumber = PageResult.clampPage(page, pageSize);
        UnitScope scope = scope();
        if (scope.none()) {
            return new PageResult<>(List.of(), pageNumber, pageSize, 0);
        }
        List<Where> plans = plans(criteria, scope);
        PageResult<PersonSummary> found = null;
        for (Where where : plans) {
            found = page(where, pageNumber, pageSize);
            if (!found.totalExact() || found.total() >= where.minimum()) {
                break;
            }
        }
        return found;
    }

    /**
     * Runs one plan. Names are ranked by relevance and counted in one pass over at most {@code sampleLimit} of the
     * people found (and everyone the closer plan before found), and so are names typed in part (ordered by name);
     * lists without a name are counted up to {@code countLimit} and show the most recently registered first. A total that reached its limit is reported as a lower bound.
     */
    private PageResult<PersonSummary> page(Where where, int pageNumber, int pageSize) {
        apply(where);
        MapSqlParameterSource params = new MapSqlParameterSource(where.params().getValues())
                .addValue("limit", pageSize)
                .addValue("offset", (long) pageNumber * pageSize);
        if (where.rank() == null) {
            long total = countUpTo(where, countLimit);
            if (total == 0) {
                return new PageResult<>(List.of(), pageNumber, pageSize, 0);
            }
            List<Row> rows = jdbc.sql("select " + COLUMNS + " from registry.person p where " + where.sql()
                            + " order by p.id desc limit :limit offset :offset")
                    .paramSource(params)
                    .query((rs, i) -> row(rs))
                    .list();
            return result(rows, pageNumber, pageSize, total, countLimit);
        }
        params.addValue("sample", sampleLimit + 1);
        String sample = "select " + COLUMNS + ", p.name_tokens, p.name_key from registry.person p where " + where.sql()
                + " limit :sample";
        if (where.include() != null) {
            sample = "(" + sample + ") union select " + COLUMNS + ", p.name_tokens, p.name_key"
                    + " from registry.person p where " + where.include();
        }
        long[] total = {0};
        List<Row> rows = jdbc.sql("select " + COLUMNS + ", count(*) over () as total_rows from (" + sample + ") p"
                        + " order by " + where.rank() + " limit :limit offset :offset")
                .paramSource(params)
                .query((rs, i) -> {
                    total[0] = rs.getLong("total_rows");
                    return row(rs);
                })
                .list();
        if (rows.isEmpty() && pageNumber > 0) {
            total[0] = countUpTo(where, sampleLimit);
        }
        return result(rows, pageNumber, pageSize, total[0], sampleLimit);
    }

    /** The page; when counting stopped at {@code limit}, only the first {@code limit} rows can be paged through. */
    private PageResult<PersonSummary> result(List<Row> rows, int pageNumber, int pageSize, long total, int limit) {
        if (total <= limit) {
            return new PageResult<>(summaries(rows), pageNumber, pageSize, total, true);
        }
        long room = Math.max(0, limit - (long) pageNumber * pageSize);
        List<Row> shown = rows.size() > room ? rows.subList(0, (int) room) : rows;
        return new PageResult<>(summaries(shown), pageNumber, pageSize, limit, false);
    }

    /** How many people the plan finds, counting no further than one more than {@code limit}. */
    long countUpTo(Where where, int limit) {
        return jdbc.sql("select count(*) from (select 1 from registry.person p where " + where.sql()
                        + " limit :countLimit) found")
                .paramSource(new MapSqlParameterSource(where.params().getValues()).addValue("countLimit", limit + 1))
                .query(Long.class)
                .single();
    }

    /** How many people the plan finds (its threshold must have been applied). */
    long count(Where where) {
        return jdbc.sql("select count(*) from registry.person p where " + where.sql())
                .paramSource(where.params())
                .query(Long.class)
                .single();
    }

    /** Sets what the plan's conditions need for the rest of the transaction. */
    void apply(Where where) {
        if (where.threshold() != null) {
            jdbc.sql("select set_config('pg_trgm.word_similarity_threshold', :threshold, true),"
                            + " set_config('jit', 'off', true)")
                    .param("threshold", where.threshold())
                    .query((rs, i) -> rs.getString(1))
                    .single();
        }
    }

    /**
     * The ways to find the criteria, to try in order until one finds enough people. A name is matched word by word,
     * in three widening steps that each must fill a page to be used: every word as typed; every word as typed but
     * one, which may differ by a typo (two for words of seven letters or more) or be typed in part; then any word
     * that way. Words of one or two letters (initials, particles such as "I" or "Ni") restrict the first two steps
     * when they occur in the dictionary and only rank the last. When no one has every word of three or more,
     * people who have all words but one are listed (a word typed too many, or missing from the record). A word further than a typo from
     * every dictionary word stands for the few that share most of its trigrams; only when a word shares too few with
     * any is the whole name compared by trigram word similarity, strictly and then relaxed.
     */
    List<Where> plans(SearchCriteria criteria, UnitScope scope) {
        if (criteria.kind() != SearchCriteria.Kind.NAME) {
            return List.of(where(criteria, scope, null, null));
        }
        List<Where> plans = new ArrayList<>();
        NameDictionary.TokenMatch tokens = dictionary.tokens(criteria.nameKey());
        if (tokens != null) {
            String closer = null;
            String exact = tokens.exactCondition();
            if (exact != null) {
                Where plan = where(criteria, scope, tokens, null, exact);
                plans.add(plan.atLeast(EXACT_ENOUGH));
                closer = plan.sql();
            }
            String oneTypo = tokens.oneTypoCondition();
            if (oneTypo != null && !oneTypo.equals(tokens.anyCondition())) {
                Where plan = where(criteria, scope, tokens, null, oneTypo);
                plans.add(plan.atLeast(EXACT_ENOUGH).including(closer));
                closer = plan.sql();
            }
            plans.add(
                    where(criteria, scope, tokens, null, tokens.anyCondition()).including(closer));
            String allButOne = tokens.allButOneCondition();
            if (allButOne != null) {
                plans.add(where(criteria, scope, tokens, null, allButOne));
            }
            return plans;
        }
        plans.add(where(criteria, scope, null, STRICT_THRESHOLD));
        plans.add(where(criteria, scope, null, RELAXED_THRESHOLD));
        return plans;
    }

    /** The units the current user may search in. */
    UnitScope scope() {
        return scope(RegistryRoles.READ);
    }

    /** The units the current user holds one of {@code roles} for (an export uses the export roles, not reading). */
    UnitScope scope(String... roles) {
        Access.Scope scope = access.scope(roles);
        if (scope.all()) {
            return new UnitScope(true, List.of());
        }
        if (scope.none()) {
            return new UnitScope(false, List.of());
        }
        return new UnitScope(
                false,
                organizations.subtrees(scope.roots()).stream().map(OrgUnit::id).toList());
    }

    /**
     * True when the current user holds a role that sees full identifiers for every unit they may search in, so an
     * export of any of their search results may show NIK and KK in full.
     */
    boolean fullIdentifiersForWholeScope() {
        return fullIdentifiersFor(scope());
    }

    /** True when the current user sees full identifiers for every unit of {@code read}. */
    boolean fullIdentifiersFor(UnitScope read) {
        Access.Scope full = access.scope(RegistryRoles.FULL_IDENTIFIERS);
        if (full.all()) {
            return true;
        }
        if (read.all() || full.none()) {
            return false;
        }
        Set<Long> covered =
                organizations.subtrees(full.roots()).stream().map(OrgUnit::id).collect(Collectors.toSet());
        return covered.containsAll(read.units());
    }

    /**
     * The conditions for the criteria within the scope; merged records are always left out. A name is matched by
     * {@code tokens} when given, otherwise by trigram word similarity at {@code threshold}.
     */
    Where where(SearchCriteria criteria, UnitScope scope, NameDictionary.TokenMatch tokens, String threshold) {
        return where(criteria, scope, tokens, threshold, tokens == null ? null : tokens.anyCondition());
    }

    /** As above, with {@code tokenCondition} (one of {@link NameDictionary.TokenMatch}'s) choosing the words that must match. */
    private Where where(
            SearchCriteria criteria,
            UnitScope scope,
            NameDictionary.TokenMatch tokens,
            String threshold,
            String tokenCondition) {
        String rank = null;
        List<String> conditions = new ArrayList<>();
        MapSqlParameterSource params = new MapSqlParameterSource();
        conditions.add("p.merged_into is null");
        if (!scope.all()) {
            conditions.add("p.org_unit_id in (:units)");
            params.addValue("units", scope.units());
        }
        switch (criteria.kind()) {
            case NAME -> {
                params.addValue("nameKey", criteria.nameKey());
                if (tokens != null) {
                    // Each word must meet one of its dictionary words; closer words rank higher, then names with
                    // the short words typed, then the similarity of the whole name, then fewer extra words.
                    List<String> closeness = new ArrayList<>();
                    for (int i = 0; i < tokens.words().size(); i++) {
                        NameDictionary.WordTokens word = tokens.words().get(i);
                        params.addValue("a" + i, arrayLiteral(word.all()));
                        params.addValue("e" + i, arrayLiteral(word.exact()));
                        params.addValue("n" + i, arrayLiteral(word.near()));
                        closeness.add("case when p.name_tokens && cast(:e" + i + " as text[]) then 0 when"
                                + " p.name_tokens && cast(:n" + i + " as text[]) then 1 else 2 end");
                    }
                    conditions.add(tokenCondition);
                    String shortRank = "";
                    if (!tokens.shortWords().isEmpty()) {
                        params.addValue("short", arrayLiteral(tokens.shortWords()));
                        shortRank = ", case when p.name_tokens @> cast(:short as text[]) then 0 else 1 end";
                    }
                    rank = String.join(" + ", closeness) + shortRank
                            + ", public.similarity(p.name_key, :nameKey) desc, cardinality(p.name_tokens),"
                            + " p.full_name, p.id";
                } else {
                    conditions.add(":nameKey operator(public.<%) p.name_key");
                    rank = "public.word_similarity(:nameKey, p.name_key) desc,"
                            + " public.similarity(p.name_key, :nameKey) desc, p.full_name, p.id";
                }
            }
            case PREFIX -> {
                conditions.add("(p.name_key like :prefix or p.name_key like :wordPrefix)");
                params.addValue("prefix", criteria.nameKey() + "%");
                params.addValue("wordPrefix", "% " + criteria.nameKey() + "%");
                rank = "p.full_name, p.id";
            }
            case IDENTIFIER -> {
                List<String> matches = new ArrayList<>();
                if (criteria.nikHash() != null) {
                    matches.add("select n.id from registry.person n where n.nik_hash = :nikHash"
                            + " and n.merged_into is null");
                    params.addValue("nikHash", criteria.nikHash());
                }
                if (criteria.kkHash() != null) {
                    matches.add("select m.person_id from registry.kk_history k join registry.household_member m"
                            + " on m.household_id = k.household_id where k.kk_hash = :kkHash");
                    params.addValue("kkHash", criteria.kkHash());
                }
                conditions.add("p.id in (" + String.join(" union ", matches) + ")");
                rank = "p.full_name, p.id";
            }
            case ALL -> {
                // no condition on the name
            }
        }
        if (criteria.region() != null) {
            conditions.add("(p.region_code = :region or p.region_code like :regionPrefix)");
            params.addValue("region", criteria.region());
            params.addValue("regionPrefix", criteria.region() + ".%");
        }
        if (criteria.ageFrom() != null || criteria.ageTo() != null) {
            LocalDate today = today();
            int from = criteria.ageFrom() == null ? 0 : criteria.ageFrom();
            int to = criteria.ageTo() == null ? SearchInput.MAX_AGE : criteria.ageTo();
            // Born on or before today - from years, and after today - (to + 1) years; by year when only that is known.
            LocalDate latest = today.minusYears(from);
            LocalDate earliest = today.minusYears(to + 1L).plusDays(1);
            conditions.add("p.birth_year between :earliestYear and :latestYear");
            conditions.add("(case when p.birth_date is null then p.birth_year between :minYear and :maxYear"
                    + " else p.birth_date between :earliest and :latest end)");
            params.addValue("earliestYear", earliest.getYear());
            params.addValue("latestYear", latest.getYear());
            params.addValue("minYear", today.getYear() - to);
            params.addValue("maxYear", today.getYear() - from);
            params.addValue("earliest", earliest);
            params.addValue("latest", latest);
        }
        if (criteria.sex() != null) {
            conditions.add("p.sex = :sex");
            params.addValue("sex", criteria.sex().name());
        }
        if (criteria.disability() != null) {
            conditions.add("cast(:disability as varchar) = any(p.disability_types)");
            params.addValue("disability", criteria.disability().name());
        }
        return new Where(
                String.join(" and ", conditions),
                params,
                rank,
                criteria.kind() == SearchCriteria.Kind.NAME ? threshold : null);
    }

    /** A PostgreSQL array literal of dictionary words, which hold letters a to z only. */
    private static String arrayLiteral(List<String> words) {
        return "{" + String.join(",", words) + "}";
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** A row of the person table as lists need it (the columns of {@link #COLUMNS}). */
    record Row(
            long id,
            String fullName,
            Sex sex,
            LocalDate birthDate,
            int birthYear,
            boolean approximate,
            String nikMasked,
            String regionCode,
            long orgUnitId,
            List<DisabilityType> disabilityTypes) {}

    static Row row(ResultSet rs) throws SQLException {
        Array array = rs.getArray("disability_types");
        List<DisabilityType> types = array == null
                ? List.of()
                : Arrays.stream((String[]) array.getArray())
                        .map(DisabilityType::valueOf)
                        .toList();
        return new Row(
                rs.getLong("id"),
                rs.getString("full_name"),
                Sex.valueOf(rs.getString("sex")),
                rs.getObject("birth_date", LocalDate.class),
                rs.getInt("birth_year"),
                rs.getBoolean("birth_date_approximate"),
                rs.getString("nik_masked"),
                rs.getString("region_code"),
                rs.getLong("org_unit_id"),
                types);
    }

    /** Age in whole years today; from the birth year alone when the date is not known. */
    static Integer age(LocalDate birthDate, int birthYear, LocalDate today) {
        return birthDate != null ? Period.between(birthDate, today).getYears() : today.getYear() - birthYear;
    }

    private List<PersonSummary> summaries(List<Row> rows) {
        LocalDate today = today();
        Map<Long, String> units = new HashMap<>();
        return rows.stream()
                .map(r -> new PersonSummary(
                        r.id(),
                        r.fullName(),
                        r.sex(),
                        r.birthDate(),
                        r.birthYear(),
                        r.approximate(),
                        age(r.birthDate(), r.birthYear(), today),
                        r.nikMasked(),
                        r.regionCode(),
                        regionName(r.regionCode()),
                        r.orgUnitId(),
                        units.computeIfAbsent(r.orgUnitId(), organizations::name),
                        r.disabilityTypes()))
                .toList();
    }

    String unitName(long unitId) {
        return organizations.name(unitId);
    }

    /** The region's path of names; cached, as the region list does not change while Peduli runs. */
    String regionName(String code) {
        if (code == null) {
            return null;
        }
        String name = regionNames.get(code);
        if (name == null) {
            name = regions.displayName(code);
            if (regionNames.size() >= REGION_NAME_CACHE) {
                regionNames.clear();
            }
            regionNames.put(code, name);
        }
        return name;
    }
}
