package id.peduli.region;

import static id.peduli.access.AccessTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PeduliTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@PeduliTest
class RegionPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Test
    void listsTheProvinces() throws Exception {
        String html = page(get("/regions"));

        assertThat(html)
                .contains("<title>Wilayah Indonesia · Peduli</title>")
                .contains("Daftar provinsi")
                .contains("<a href=\"/regions/33\">Jawa Tengah</a>")
                .contains("35 kabupaten/kota")
                .contains("Contains data from idn-area-data (ODbL)");
        assertThat(count(html, "<a href=\"/regions/\\d{2}\">")).isEqualTo(38);
    }

    @Test
    void drillsDownWithABreadcrumbPath() throws Exception {
        String html = page(get("/regions/33.23.03"));

        assertThat(html)
                .contains("<title>Temanggung · Peduli</title>")
                .contains("<li class=\"breadcrumb-item\"><a href=\"/regions\">Wilayah</a></li>")
                .contains("<li class=\"breadcrumb-item\"><a href=\"/regions/33\">Jawa Tengah</a></li>")
                .contains("<li class=\"breadcrumb-item\"><a href=\"/regions/33.23\">Kabupaten Temanggung</a></li>")
                .contains("<li class=\"breadcrumb-item active\" aria-current=\"page\">Temanggung</li>")
                .contains("Desa/kelurahan di Temanggung")
                .contains("<a href=\"/regions/33.23.03.1001\">Temanggung I</a>");
    }

    @Test
    void aVillageShowsWhereItLies() throws Exception {
        String html = page(get("/regions/33.23.01.2001"));

        assertThat(html)
                .contains("33.23.01.2001")
                .contains("Desa/Kelurahan")
                .contains("<a href=\"/regions/33.23\">Kabupaten Temanggung</a>")
                .doesNotContain("id=\"regionChildren\"");
    }

    @Test
    void searchesByNameInEnglishToo() throws Exception {
        String html = page(get("/regions").param("q", "temang").param("level", "2"));
        assertThat(html)
                .contains("Hasil pencarian untuk “temang”")
                .contains("<a href=\"/regions/33.23\">Kabupaten Temanggung</a>")
                .contains("<td>Jawa Tengah</td>");

        String english =
                page(get("/regions").param("q", "zzqxq").cookie(new jakarta.servlet.http.Cookie("peduli_lang", "en")));
        assertThat(english).contains("Search results for “zzqxq”").contains("No region matches.");
    }

    @Test
    void anUnknownRegionIsNotFound() throws Exception {
        mvc.perform(signedIn(get("/regions/33.99"))).andExpect(status().isNotFound());
    }

    @Test
    void thePickerOfTheBrowserOpensTheChosenRegion() throws Exception {
        mvc.perform(signedIn(get("/regions/open").param("code", "33.23.03")))
                .andExpect(redirectedUrl("/regions/33.23.03"));
        mvc.perform(signedIn(get("/regions/open").param("code", "33.23.99"))).andExpect(redirectedUrl("/regions"));
        mvc.perform(signedIn(get("/regions/open"))).andExpect(redirectedUrl("/regions"));
    }

    @Test
    void pickerOptionsForProvinces() throws Exception {
        String html = page(get("/regions/picker/options").param("level", "1"));

        assertThat(html).startsWith("<option value=\"\">Pilih provinsi…</option>");
        assertThat(count(html, "<option value=\"\\d{2}\">")).isEqualTo(38);
        assertThat(html).doesNotContain("<html").doesNotContain("selected");
    }

    @Test
    void pickerOptionsForChildrenAreSortedByNameWithTheSelectedOne() throws Exception {
        String html = page(get("/regions/picker/options")
                .param("parent", "33.23")
                .param("level", "3")
                .param("selected", "33.23.03"));

        assertThat(html).startsWith("<option value=\"\">Pilih kecamatan…</option>");
        assertThat(count(html, "<option value=\"33\\.23\\.\\d{2}\"")).isEqualTo(20);
        assertThat(html).contains("<option value=\"33.23.03\" selected>Temanggung</option>");
        assertThat(html.indexOf(">Bansari<")).isLessThan(html.indexOf(">Bejen<"));
        assertThat(html.indexOf(">Wonoboyo<")).isGreaterThan(html.indexOf(">Temanggung<"));
    }

    @Test
    void pickerOptionsRefuseALevelThatDoesNotFitTheParent() throws Exception {
        mvc.perform(signedIn(
                        get("/regions/picker/options").param("parent", "33").param("level", "3")))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(signedIn(get("/regions/picker/options").param("level", "2")))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void thePickerIsPrefilledAlongThePathOfTheSelectedCode() throws Exception {
        String html = page(get("/regions/33.23.03.1001"));

        assertThat(html)
                .contains("<script src=\"/js/region-picker.js\" defer></script>")
                .contains("<input type=\"hidden\" name=\"code\" value=\"33.23.03.1001\" data-region-value>")
                .contains("hx-get=\"/regions/picker/options?level=1&amp;parent=&amp;selected=33\"")
                .contains("hx-get=\"/regions/picker/options?level=2&amp;parent=33&amp;selected=33.23\"")
                .contains("hx-get=\"/regions/picker/options?level=3&amp;parent=33.23&amp;selected=33.23.03\"")
                .contains("hx-get=\"/regions/picker/options?level=4&amp;parent=33.23.03&amp;selected=33.23.03.1001\"");
        for (int level = 1; level <= 4; level++) {
            assertThat(html).contains("<label class=\"form-label small mb-1\" for=\"region-code-" + level + "\">");
            assertThat(html).contains("id=\"region-code-" + level + "\"");
        }
        assertThat(html)
                .contains("hx-target=\"#region-code-2\"")
                .contains("hx-target=\"#region-code-4\"")
                .doesNotContain("hx-target=\"#region-code-5\"");
    }

    @Test
    void withoutASelectedCodeOnlyTheProvincesLoad() throws Exception {
        String html = page(get("/regions"));

        assertThat(html)
                .contains("<input type=\"hidden\" name=\"code\" value=\"\" data-region-value>")
                .contains("hx-get=\"/regions/picker/options?level=1&amp;parent=&amp;selected=\"")
                .doesNotContain("options?level=2");
        assertThat(count(html, "hx-trigger=\"load\"")).isEqualTo(1);
        assertThat(html).doesNotContain("<script>").doesNotContain("onchange=");
    }

    @Test
    void theMenuLeadsEverySignedInUserToTheRegions() throws Exception {
        assertThat(new RegionNavigation().navItems()).singleElement().satisfies(item -> {
            assertThat(item.href()).isEqualTo("/regions");
            assertThat(item.labelKey()).isEqualTo("nav.regions");
            assertThat(item.roles()).isEmpty();
        });

        assertThat(page(get("/regions/33"))).contains("class=\"nav-link active\" href=\"/regions\"");
        assertThat(page(get("/")))
                .contains("href=\"/regions\"")
                .contains("Telusuri provinsi, kabupaten/kota, kecamatan, dan desa/kelurahan");
    }

    @Test
    void pagesNeedSignIn() throws Exception {
        mvc.perform(get("/regions")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/regions/picker/options").param("level", "1"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(signedIn(request))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** Every signed-in user may browse regions: here a social worker. */
    private MockHttpServletRequestBuilder signedIn(MockHttpServletRequestBuilder request) {
        return request.accept(MediaType.TEXT_HTML).with(as(context, "pekerja.alyatama"));
    }

    private static int count(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
