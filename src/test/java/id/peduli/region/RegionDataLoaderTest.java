package id.peduli.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.peduli.PeduliTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PeduliTest
class RegionDataLoaderTest {

    @Autowired
    RegionDataLoader loader;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theApplicationStartsWithTheWholeTreeLoaded() {
        assertThat(countsPerLevel()).isEqualTo(Map.of(1, 38, 2, 514, 3, 7_285, 4, 83_762));
        assertThat(state()).containsEntry("checksum", RegionDataSet.bundled().checksum());
        assertThat(state()).containsEntry("row_count", 91_599);
    }

    @Test
    void loadingAgainChangesNothing() {
        Map<String, Object> before = state();

        boolean loaded = loader.loadIfNeeded(RegionDataSet.bundled());

        assertThat(loaded).isFalse();
        assertThat(state()).isEqualTo(before);
        assertThat(countsPerLevel()).isEqualTo(Map.of(1, 38, 2, 514, 3, 7_285, 4, 83_762));
    }

    @Test
    void aForcedReloadGivesTheSameTreeWellWithinTenSeconds() {
        long start = System.nanoTime();

        boolean loaded = loader.load(RegionDataSet.bundled(), true);

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(loaded).isTrue();
        assertThat(took).isLessThan(Duration.ofSeconds(10));
        assertThat(countsPerLevel()).isEqualTo(Map.of(1, 38, 2, 514, 3, 7_285, 4, 83_762));
        assertThat((Integer) state().get("duration_ms")).isLessThan(10_000);
    }

    @Test
    void aFailureMidwayKeepsThePreviousContent() {
        Map<String, Object> before = state();
        String bundled = new String(RegionDataSet.bundled().csv(), StandardCharsets.UTF_8);
        int middle = bundled.indexOf("\n33.23.01.2001,");
        String broken = bundled.substring(0, middle + 1)
                + "33.23.01.9999,33.23.01,not-a-level,Desa Rusak\n"
                + bundled.substring(middle + 1);

        assertThatThrownBy(() -> loader.load(RegionDataSet.of(broken.getBytes(StandardCharsets.UTF_8)), true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("previous content is kept");

        assertThat(state()).isEqualTo(before);
        assertThat(countsPerLevel()).isEqualTo(Map.of(1, 38, 2, 514, 3, 7_285, 4, 83_762));
    }

    @Test
    void aDataSetWithOrphansIsRefusedWhole() {
        String orphan = "code,parent_code,level,name\n33,,1,Jawa Tengah\n34.01,34,2,Kabupaten Kulon Progo\n";

        assertThatThrownBy(() -> loader.load(RegionDataSet.of(orphan.getBytes(StandardCharsets.UTF_8)), true))
                .isInstanceOf(IllegalStateException.class);

        assertThat(countsPerLevel()).isEqualTo(Map.of(1, 38, 2, 514, 3, 7_285, 4, 83_762));
    }

    @Test
    void anEmptiedTableIsLoadedAgainOnTheNextStart() {
        jdbc.sql("truncate table region.region").update();
        assertThat(jdbc.sql("select count(*) from region.region")
                        .query(Long.class)
                        .single())
                .isZero();

        boolean loaded = loader.loadIfNeeded(RegionDataSet.bundled());

        assertThat(loaded).isTrue();
        assertThat(countsPerLevel()).isEqualTo(Map.of(1, 38, 2, 514, 3, 7_285, 4, 83_762));
    }

    @Test
    void searchNamesInTheDatabaseMatchTheJavaNormalisation() {
        List<Map.Entry<String, String>> mismatches = jdbc
                .sql("select name, name_search from region.region")
                .query((rs, row) -> Map.entry(rs.getString("name"), rs.getString("name_search")))
                .list()
                .stream()
                .filter(entry -> !RegionNames.normalise(entry.getKey()).equals(entry.getValue()))
                .toList();

        assertThat(mismatches).isEmpty();
        assertThat(jdbc.sql("select region.normalise_name('Regapu’u, Ra''as')")
                        .query(String.class)
                        .single())
                .isEqualTo(RegionNames.normalise("Regapu’u, Ra'as"))
                .isEqualTo("regapuu raas");
    }

    private Map<Integer, Integer> countsPerLevel() {
        return jdbc
                .sql("select level, count(*) as n from region.region group by level")
                .query((rs, row) -> Map.entry(rs.getInt("level"), rs.getInt("n")))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private Map<String, Object> state() {
        return jdbc.sql("select checksum, row_count, loaded_at, duration_ms from region.load_state where id = 1")
                .query()
                .singleRow();
    }
}
