package id.peduli.organization;

import static id.peduli.access.AccessTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PageText;
import id.peduli.PeduliTest;
import id.peduli.region.Regions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/** Unit lists show the name of each unit's region beside its code ("31.71" alone told a reader nothing). */
@PeduliTest
class UnitRegionNamesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    Regions regions;

    @Test
    void theUnitListsNameTheRegionOfEachUnit() throws Exception {
        String jakarta = regions.find("31.71").orElseThrow().name();
        String temanggung = regions.find("33.23").orElseThrow().name();

        for (String[] page : new String[][] {{"/admin/units", "admin"}, {"/units", "kepala.kartini"}}) {
            String html = mvc.perform(get(page[0]).with(as(context, page[1])))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            String table = PageText.text(PageText.element(html, "unitTable"));
            assertThat(table).as(page[0]).contains(temanggung + " 33.23");
            if (page[1].equals("admin")) {
                assertThat(table).contains(jakarta + " 31.71");
            }
        }
    }
}
