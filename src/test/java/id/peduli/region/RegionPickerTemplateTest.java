package id.peduli.region;

import static id.peduli.access.AccessTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import id.peduli.PeduliTest;
import id.peduli.platform.Ui;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/** The picker template as other modules include it in their forms. */
@PeduliTest
class RegionPickerTemplateTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    TemplateEngine templates;

    Ui ui;

    @BeforeEach
    void takeTheUiOfARealRequest() throws Exception {
        ui = (Ui) mvc.perform(get("/regions").with(as(context, "pekerja.alyatama")))
                .andReturn()
                .getModelAndView()
                .getModel()
                .get("ui");
    }

    @Test
    void rendersOneLabelledSelectPerLevelDownToMaxLevel() {
        String html = picker("regionCode", null, 2, false, null, null);

        assertThat(html)
                .contains("<label class=\"form-label small mb-1\" for=\"region-regionCode-1\">Provinsi</label>")
                .contains("<label class=\"form-label small mb-1\" for=\"region-regionCode-2\">Kabupaten/Kota</label>")
                .doesNotContain("region-regionCode-3")
                .contains("<input type=\"hidden\" name=\"regionCode\" value=\"\" data-region-value>")
                .contains("hx-target=\"#region-regionCode-2\"")
                .doesNotContain("required")
                .doesNotContain("<fieldset")
                .contains("<script src=\"/js/region-picker.js\" defer></script>");
    }

    @Test
    void cutsASelectedCodeDeeperThanMaxLevel() {
        String html = picker("regionCode", "33.23.03.1001", 2, false, null, null);

        assertThat(html)
                .contains("<input type=\"hidden\" name=\"regionCode\" value=\"33.23\" data-region-value>")
                .contains("selected=33.23\"")
                .doesNotContain("33.23.03");
    }

    @Test
    void ignoresAMalformedSelectedCode() {
        String html = picker("regionCode", "33-23", 4, false, null, null);

        assertThat(html)
                .contains("<input type=\"hidden\" name=\"regionCode\" value=\"\" data-region-value>")
                .doesNotContain("33-23");
    }

    @Test
    void requiredMakesEveryLevelRequired() {
        String html = picker("regionCode", null, 3, true, null, null);

        assertThat(html.split("<select", -1)).hasSize(4);
        assertThat(html.split(" required", -1)).hasSize(4);
    }

    @Test
    void aLegendMakesItAFieldsetAndAnErrorIsTiedToTheSelects() {
        String html = picker("address.region", "34.02", 4, true, "Alamat", "Kode wilayah “34.99” tidak dikenal.");

        assertThat(html)
                .contains("<fieldset class=\"pd-region-picker mb-3\" id=\"region-address-region\" data-region-picker>")
                .contains("<legend class=\"form-label fs-6 mb-1\">Alamat</legend>")
                .contains("name=\"address.region\" value=\"34.02\"")
                .contains("id=\"region-address-region-4\"")
                .contains("aria-describedby=\"region-address-region-error\"")
                .contains("class=\"form-select is-invalid\"")
                .contains("<div class=\"invalid-feedback d-block\" id=\"region-address-region-error\">"
                        + "Kode wilayah “34.99” tidak dikenal.</div>");
    }

    @Test
    void escapesWhatTheCallerPassesIn() {
        String html = picker("x\"><script>", null, 1, false, "<b>Wilayah</b>", null);

        assertThat(html).doesNotContain("<script>").doesNotContain("<b>").contains("&lt;b&gt;Wilayah&lt;/b&gt;");
    }

    private String picker(
            String fieldName, String selectedCode, int maxLevel, boolean required, String legend, String error) {
        Map<String, Object> params = new HashMap<>();
        params.put("ui", ui);
        params.put("fieldName", fieldName);
        params.put("selectedCode", selectedCode);
        params.put("maxLevel", maxLevel);
        params.put("required", required);
        params.put("legend", legend);
        params.put("error", error);
        StringOutput output = new StringOutput();
        templates.render("region/picker.jte", params, output);
        return output.toString();
    }
}
