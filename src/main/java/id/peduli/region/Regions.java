package id.peduli.region;

import id.peduli.shared.BusinessException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The Kemendagri region tree for every module: look a region up by its dotted code, list the children of a region,
 * search by name, and check codes that users enter. Regions are read-only; the tree is loaded at start-up. The
 * format of a code alone is checked by {@link RegionCodes#isWellFormed}.
 */
@Service
@DependsOn("regionDataLoader")
public class Regions {

    /** The most results {@link #search} returns. */
    public static final int MAX_SEARCH_RESULTS = 100;

    static final String PATH_SEPARATOR = " › ";
    private static final String COLUMNS = "code, parent_code, level, name";
    private static final RowMapper<Region> REGION = (rs, row) ->
            new Region(rs.getString("code"), rs.getString("parent_code"), rs.getShort("level"), rs.getString("name"));

    private final JdbcClient jdbc;

    Regions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Region> find(String code) {
        if (!RegionCodes.isWellFormed(code)) {
            return Optional.empty();
        }
        return jdbc.sql("select " + COLUMNS + " from region.region where code = :code")
                .param("code", code)
                .query(REGION)
                .optional();
    }

    public boolean exists(String code) {
        return RegionCodes.isWellFormed(code)
                && jdbc.sql("select exists (select 1 from region.region where code = :code)")
                        .param("code", code)
                        .query(Boolean.class)
                        .single();
    }

    /** The codes of every region at {@code level} or above (1 province, 2 regency or city, 3 district, 4 village). */
    public Set<String> codesDownTo(int level) {
        return Set.copyOf(jdbc.sql("select code from region.region where level <= :level")
                .param("level", level)
                .query(String.class)
                .list());
    }

    /** Those of {@code codes} that name a region; malformed codes name none. */
    public Set<String> existing(Collection<String> codes) {
        List<String> wellFormed =
                codes.stream().filter(RegionCodes::isWellFormed).distinct().toList();
        Set<String> found = new HashSet<>();
        for (int from = 0; from < wellFormed.size(); from += 10_000) {
            List<String> chunk = wellFormed.subList(from, Math.min(wellFormed.size(), from + 10_000));
            found.addAll(jdbc.sql("select code from region.region where code in (:codes)")
                    .param("codes", chunk)
                    .query(String.class)
                    .list());
        }
        return Set.copyOf(found);
    }

    /**
     * Refuses a code that is malformed or names no region, with the message key {@code region.unknown} on the field
     * {@code regionCode}.
     */
    public void validate(String code) {
        if (!exists(code)) {
            throw BusinessException.invalid("regionCode", "region.unknown", code == null ? "" : code);
        }
    }

    /** The children of a region ordered by code; the provinces when {@code parentCode} is null or blank. */
    public List<Region> children(String parentCode) {
        if (parentCode == null || parentCode.isBlank()) {
            return jdbc.sql("select " + COLUMNS + " from region.region where level = 1 order by code")
                    .query(REGION)
                    .list();
        }
        if (!RegionCodes.isWellFormed(parentCode)) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from region.region where parent_code = :parent order by code")
                .param("parent", parentCode)
                .query(REGION)
                .list();
    }

    /**
     * Regions whose name contains {@code query}, optionally of one level only. Case, punctuation and small typos do
     * not matter; a query of one or two characters matches the start of the name or of one of its words. Exact names
     * come first, then names that start with the query, then names with a word that starts with it, then other
     * matches; at most {@code limit} results (1 to {@value #MAX_SEARCH_RESULTS}).
     */
    public List<Region> search(String query, Integer level, int limit) {
        String q = RegionNames.normalise(query);
        if (q.isEmpty()) {
            return List.of();
        }
        int max = Math.max(1, Math.min(limit, MAX_SEARCH_RESULTS));
        // Trigrams need three characters: a shorter query matches the start of the name or of a word only.
        boolean fuzzy = q.length() >= 3;
        List<Region> found = new ArrayList<>(query(
                (fuzzy ? "name_search like :contains" : "(name_search like :prefix or name_search like :wordPrefix)"),
                """
                case when name_search = :q then 0
                     when name_search like :prefix then 1
                     when name_search like :wordPrefix then 2
                     else 3 end, public.word_similarity(:q, name_search) desc""",
                q,
                level,
                max));
        if (fuzzy && found.size() < max) {
            // Names with a word like the query (small typos) rank after every name that contains it.
            found.addAll(query(
                    ":q operator(public.<%) name_search and name_search not like :contains",
                    "public.word_similarity(:q, name_search) desc", q, level, max - found.size()));
        }
        return List.copyOf(found);
    }

    private List<Region> query(String condition, String rank, String q, Integer level, int limit) {
        String sql = "select " + COLUMNS + " from region.region where " + condition
                + (level == null ? "" : " and level = :level")
                + " order by " + rank + ", level, name_search, code limit :limit";
        JdbcClient.StatementSpec statement = jdbc.sql(sql)
                .param("q", q)
                .param("contains", "%" + q + "%")
                .param("prefix", q + "%")
                .param("wordPrefix", "% " + q + "%")
                .param("limit", limit);
        if (level != null) {
            statement = statement.param("level", level);
        }
        return statement.query(REGION).list();
    }

    /**
     * The region and its ancestors from the province down, e.g. Jawa Tengah, Kabupaten Temanggung, Temanggung;
     * empty when the code names no region.
     */
    public List<Region> path(String code) {
        List<String> lineage = RegionCodes.lineage(code);
        if (lineage.isEmpty()) {
            return List.of();
        }
        List<Region> path = jdbc.sql("select " + COLUMNS + " from region.region where code in (:codes) order by level")
                .param("codes", lineage)
                .query(REGION)
                .list();
        return path.size() == lineage.size() ? path : List.of();
    }

    /**
     * The names along the region's path joined by " › ", e.g. "Jawa Tengah › Kabupaten Temanggung"; the code itself
     * when it names no region (so that a code no longer in the list still shows).
     */
    public String displayName(String code) {
        List<Region> path = path(code);
        if (path.isEmpty()) {
            return code == null ? "" : code;
        }
        return path.stream().map(Region::name).collect(Collectors.joining(PATH_SEPARATOR));
    }

    /**
     * The names of the given regions by code, in one query, for a page that lists many codes (a unit list shows
     * "Kota Jakarta Pusat", not "31.71"); unknown codes are left out.
     */
    public Map<String, String> names(Collection<String> codes) {
        List<String> wellFormed =
                codes.stream().filter(RegionCodes::isWellFormed).distinct().toList();
        if (wellFormed.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("select code, name from region.region where code in (:codes) order by code")
                .param("codes", wellFormed)
                .query((rs, row) -> Map.entry(rs.getString("code"), rs.getString("name")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    /** The children of a region (the provinces for null) with how many children each has in turn. */
    List<RegionBrowserPage.Child> childrenWithCounts(String parentCode) {
        String where = parentCode == null ? "r.level = 1" : "r.parent_code = :parent";
        JdbcClient.StatementSpec statement = jdbc.sql("""
                select r.code, r.parent_code, r.level, r.name,
                       (select count(*) from region.region c where c.parent_code = r.code) as child_count
                from region.region r where %s order by r.code
                """.formatted(where));
        if (parentCode != null) {
            statement = statement.param("parent", parentCode);
        }
        return statement
                .query((rs, row) -> new RegionBrowserPage.Child(REGION.mapRow(rs, row), rs.getInt("child_count")))
                .list();
    }
}
