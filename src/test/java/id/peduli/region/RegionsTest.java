package id.peduli.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.peduli.PeduliTest;
import id.peduli.shared.BusinessException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@PeduliTest
class RegionsTest {

    @Autowired
    Regions regions;

    @Test
    void findsARegionByItsCode() {
        assertThat(regions.find("33.23")).contains(new Region("33.23", "33", 2, "Kabupaten Temanggung"));
        assertThat(regions.find("15")).contains(new Region("15", null, 1, "Jambi"));
        assertThat(regions.find("33.23.01.2001")).contains(new Region("33.23.01.2001", "33.23.01", 4, "Bulu"));
        assertThat(regions.find("33.99")).isEmpty();
        assertThat(regions.find("33.23'; drop table region.region; --")).isEmpty();
        assertThat(regions.find(null)).isEmpty();
    }

    @Test
    void listsProvincesAndChildrenInCodeOrder() {
        assertThat(regions.children(null)).hasSize(38).first().isEqualTo(new Region("11", null, 1, "Aceh"));
        assertThat(regions.children(" ")).hasSize(38);
        assertThat(regions.children("33"))
                .hasSize(35)
                .allSatisfy(region -> assertThat(region.parentCode()).isEqualTo("33"))
                .extracting(Region::code)
                .isSorted()
                .contains("33.23", "33.74");
        assertThat(regions.children("33.23.03")).extracting(Region::name).contains("Temanggung I", "Temanggung II");
        assertThat(regions.children("33.23.01.2001")).isEmpty();
        assertThat(regions.children("not a code")).isEmpty();
    }

    @Test
    void searchRanksExactThenPrefixThenWordPrefixMatches() {
        assertThat(regions.search("temanggung", null, 5))
                .extracting(Region::code)
                .containsExactly("33.23.03", "33.08.13.2007", "33.23.03.1001", "33.23.03.1002", "33.23");
    }

    @Test
    void searchIgnoresCaseAndPunctuationAndCanBeLimitedToALevel() {
        assertThat(regions.search("TEMANG", 2, 20))
                .containsExactly(regions.find("33.23").orElseThrow());
        assertThat(regions.search("jawa   TENGAH", 1, 20))
                .extracting(Region::code)
                .containsExactly("33");
        assertThat(regions.search("ra'as", 3, 20)).extracting(Region::code).contains("35.29.22");
        assertThat(regions.search("kulon progo", null, 20))
                .extracting(Region::code)
                .first()
                .isEqualTo("34.01");
    }

    @Test
    void searchToleratesSmallTypos() {
        assertThat(regions.search("temangung", 2, 20)).extracting(Region::code).contains("33.23");
        assertThat(regions.search("kulonprogo", 2, 20)).extracting(Region::code).contains("34.01");
    }

    @Test
    void searchHonoursTheLimitAndIgnoresEmptyQueries() {
        assertThat(regions.search("jaya", null, 7)).hasSize(7);
        assertThat(regions.search("jaya", 4, 1000)).hasSize(Regions.MAX_SEARCH_RESULTS);
        assertThat(regions.search("jaya", null, 0)).hasSize(1);
        assertThat(regions.search("  ", null, 20)).isEmpty();
        assertThat(regions.search("%_", null, 20)).isEmpty();
        assertThat(regions.search(null, null, 20)).isEmpty();
        assertThat(regions.search("zzqxq", null, 20)).isEmpty();
    }

    @Test
    void knowsWhichCodesExist() {
        assertThat(regions.exists("33")).isTrue();
        assertThat(regions.exists("33.23.01.2001")).isTrue();
        assertThat(regions.exists("33.23.01.9999")).isFalse();
        assertThat(regions.exists("332301")).isFalse();
        assertThat(regions.exists(null)).isFalse();
    }

    @Test
    void givesThePathFromTheProvinceDown() {
        assertThat(regions.path("33.23.01.2001"))
                .extracting(Region::name)
                .containsExactly("Jawa Tengah", "Kabupaten Temanggung", "Bulu", "Bulu");
        assertThat(regions.path("33")).extracting(Region::code).containsExactly("33");
        assertThat(regions.path("33.23.01.9999")).isEmpty();
        assertThat(regions.path("x")).isEmpty();
    }

    @Test
    void displaysARegionWithItsAncestors() {
        assertThat(regions.displayName("33.23")).isEqualTo("Jawa Tengah › Kabupaten Temanggung");
        assertThat(regions.displayName("34")).isEqualTo("Daerah Istimewa Yogyakarta");
        assertThat(regions.displayName("33.23.99")).isEqualTo("33.23.99");
        assertThat(regions.displayName(null)).isEmpty();
    }

    @Test
    void validateRefusesUnknownAndMalformedCodes() {
        regions.validate("33.23.01.2001");

        assertThatThrownBy(() -> regions.validate("33.23.99")).isInstanceOfSatisfying(BusinessException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("region.unknown");
            assertThat(e.field()).isEqualTo("regionCode");
            assertThat(e.status()).isEqualTo(422);
            assertThat(e.args()).containsExactly("33.23.99");
        });
        assertThatThrownBy(() -> regions.validate("Temanggung"))
                .isInstanceOfSatisfying(
                        BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("region.unknown"));
        assertThatThrownBy(() -> regions.validate(null)).isInstanceOf(BusinessException.class);
    }
}
