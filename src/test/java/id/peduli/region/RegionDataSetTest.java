package id.peduli.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RegionDataSetTest {

    @Test
    void theBundledDataSetHoldsTheWholeKemendagriTree() {
        RegionDataSet data = RegionDataSet.bundled();
        String csv = new String(data.csv(), StandardCharsets.UTF_8);
        String[] lines = csv.split("\n");

        assertThat(lines[0]).isEqualTo("code,parent_code,level,name");
        assertThat(data.rowCount()).isEqualTo(91_599).isEqualTo(lines.length - 1);
        Map<String, Long> perLevel = Arrays.stream(lines)
                .skip(1)
                .map(line -> line.split(",")[2])
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(perLevel).containsExactlyInAnyOrderEntriesOf(Map.of("1", 38L, "2", 514L, "3", 7_285L, "4", 83_762L));
        assertThat(csv).contains("\n33.23,33,2,Kabupaten Temanggung\n", "\n15,,1,Jambi\n");
    }

    @Test
    void identifiesContentByItsSha256() {
        RegionDataSet data =
                RegionDataSet.of("code,parent_code,level,name\n33,,1,Jawa Tengah\n".getBytes(StandardCharsets.UTF_8));

        assertThat(data.rowCount()).isEqualTo(1);
        assertThat(data.checksum())
                .hasSize(64)
                .isEqualTo(RegionDataSet.of(data.csv().clone()).checksum());
        assertThat(RegionDataSet.of("code,parent_code,level,name\n33,,1,Jawa Tengah".getBytes(StandardCharsets.UTF_8))
                        .rowCount())
                .isEqualTo(1);
        assertThat(RegionDataSet.bundled().checksum()).isNotEqualTo(data.checksum());
    }
}
