package id.peduli.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegionDataGeneratorTest {

    @TempDir
    Path source;

    @Test
    void combinesTheFourFilesIntoOneWithLevelsAndQuotedNames() throws IOException {
        write("provinces.csv", "code,name\n33,Jawa Tengah\n35,Jawa Timur\n");
        write("regencies.csv", "code,province_code,name\n33.23,33,Kabupaten Temanggung\n35.29,35,Kabupaten Sumenep\n");
        write("districts.csv", "code,regency_code,name\n33.23.01,33.23,Parakan\n35.29.22,35.29,\"Ra\"\"as\"\n");
        write("villages.csv", "code,district_code,name\n33.23.01.2001,33.23.01,\"Lubuk Pakam I,II\"\n");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RegionDataGenerator.write(RegionDataGenerator.read(source), out);

        String csv = new String(
                new GZIPInputStream(new ByteArrayInputStream(out.toByteArray())).readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo("""
                        code,parent_code,level,name
                        33,,1,Jawa Tengah
                        35,,1,Jawa Timur
                        33.23,33,2,Kabupaten Temanggung
                        35.29,35,2,Kabupaten Sumenep
                        33.23.01,33.23,3,Parakan
                        35.29.22,35.29,3,"Ra""as"
                        33.23.01.2001,33.23.01,4,"Lubuk Pakam I,II"
                        """);
    }

    @Test
    void writesTheSameBytesForTheSameInput() throws IOException {
        write("provinces.csv", "code,name\n33,Jawa Tengah\n");
        write("regencies.csv", "code,province_code,name\n");
        write("districts.csv", "code,regency_code,name\n");
        write("villages.csv", "code,district_code,name\n");
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();

        RegionDataGenerator.write(RegionDataGenerator.read(source), first);
        RegionDataGenerator.write(RegionDataGenerator.read(source), second);

        assertThat(first.toByteArray()).isEqualTo(second.toByteArray());
    }

    @Test
    void refusesARegionWhoseParentIsMissing() throws IOException {
        write("provinces.csv", "code,name\n33,Jawa Tengah\n");
        write("regencies.csv", "code,province_code,name\n34.01,34,Kabupaten Kulon Progo\n");
        write("districts.csv", "code,regency_code,name\n");
        write("villages.csv", "code,district_code,name\n");

        assertThatThrownBy(() -> RegionDataGenerator.read(source))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("parent 34 of 34.01 is unknown");
    }

    @Test
    void refusesMalformedAndDuplicateCodes() throws IOException {
        write("provinces.csv", "code,name\n33,Jawa Tengah\n33,Jawa Tengah\n");
        write("regencies.csv", "code,province_code,name\n");
        write("districts.csv", "code,regency_code,name\n");
        write("villages.csv", "code,district_code,name\n");
        assertThatThrownBy(() -> RegionDataGenerator.read(source)).hasMessageContaining("duplicate code 33");

        write("provinces.csv", "code,name\n3,Jawa Tengah\n");
        assertThatThrownBy(() -> RegionDataGenerator.read(source)).hasMessageContaining("malformed code 3");
    }

    @Test
    void parsesQuotedFields() throws IOException {
        assertThat(RegionDataGenerator.parseLine("35.29.22,35.29,\"Ra\"\"as\""))
                .containsExactly("35.29.22", "35.29", "Ra\"as");
        assertThat(RegionDataGenerator.parseLine("14.02.09.2010,14.02.09,\"Lambang Sari I, II, III\""))
                .containsExactly("14.02.09.2010", "14.02.09", "Lambang Sari I, II, III");
        assertThatThrownBy(() -> RegionDataGenerator.parseLine("1,\"open")).isInstanceOf(IOException.class);
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(source.resolve(name), content, StandardCharsets.UTF_8);
    }
}
