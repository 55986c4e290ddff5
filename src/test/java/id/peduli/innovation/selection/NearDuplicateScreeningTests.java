package id.peduli.innovation.selection;

import static id.peduli.access.AccessTestSupport.as;
import static id.peduli.access.AccessTestSupport.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import id.peduli.PeduliTest;
import id.peduli.innovation.InnovationTestSupport;
import id.peduli.innovation.demo.InnovationDemoSeed;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The screening advice finds near-duplicates by title and text (not only the same title), across agencies and years,
 * with the matching passages side by side; a submission makes the period's index forget what it knew.
 */
@PeduliTest
class NearDuplicateScreeningTests {

    private static final String[] ASPECTS = {
        "BACKGROUND",
        "CATEGORY_FIT",
        "SDG_PRIORITY",
        "DESCRIPTION",
        "INNOVATIVENESS",
        "TRANSFERABILITY",
        "RESOURCES",
        "SUSTAINABILITY",
        "RESULTS",
        "STAKEHOLDERS",
        "LESSONS"
    };

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void seed() {
        InnovationTestSupport.ensureSeed(context);
    }

    @Test
    void theCopyOfTheWorkshopShowsThe2018WorkshopWithTheMatchingPassagesSideBySide() throws Exception {
        long current = InnovationTestSupport.currentPeriod(jdbc);
        int year = jdbc.sql("select year from innovation.period where id = ?")
                .param(current)
                .query(Integer.class)
                .single();
        long copy = InnovationTestSupport.proposalTitled(jdbc, InnovationDemoSeed.WORKSHOP, year);
        mvc.perform(bearer(get("/api/v1/innovation/proposals/" + copy + "/advice"), context, "sekretariat"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.suggested", Matchers.hasItem("DUPLICATE")))
                .andExpect(jsonPath("$.similar[0].year").value(2018))
                .andExpect(jsonPath("$.similar[0].title").value(InnovationDemoSeed.WORKSHOP))
                .andExpect(jsonPath("$.similar[0].unitName").value("BBRSBG Kartini Temanggung"))
                .andExpect(jsonPath("$.similar[0].similarity", Matchers.greaterThan(0.5)))
                .andExpect(jsonPath("$.similar[0].passages[0].ours", Matchers.containsString("disabilitas netra")))
                .andExpect(jsonPath("$.similar[0].passages[0].theirs", Matchers.containsString("disabilitas netra")));
        mvc.perform(get("/innovation/proposals/" + copy).with(as(context, "sekretariat")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"similarTable\"")))
                .andExpect(content().string(Matchers.containsString("similar-passage")))
                .andExpect(content().string(Matchers.containsString("disabilitas netra")));
    }

    @Test
    void theDemoProposalsOfTheCurrentYearAreNotNearDuplicatesExceptTheOneDeliberateCopy() throws Exception {
        long current = InnovationTestSupport.currentPeriod(jdbc);
        List<Long> seeded = jdbc.sql("""
                        select p.id from innovation.proposal p join innovation.innovation i on i.id = p.innovation_id
                        where p.period_id = ? and p.state in ('SUBMITTED', 'ASSIGNED', 'SCORED') and i.created_by is null
                            and i.title not like 'Keluarga Asuh%' and i.title not like 'Rumah Kasih%'
                        """).param(current).query(Long.class).list();
        long copy = InnovationTestSupport.proposalTitled(
                jdbc,
                InnovationDemoSeed.WORKSHOP,
                jdbc.sql("select year from innovation.period where id = ?")
                        .param(current)
                        .query(Integer.class)
                        .single());
        assertThat(seeded).hasSizeGreaterThanOrEqualTo(8).contains(copy);
        for (long id : seeded) {
            String advice = mvc.perform(
                            bearer(get("/api/v1/innovation/proposals/" + id + "/advice"), context, "sekretariat"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            List<String> similar = JsonPath.read(advice, "$.similar[*].title");
            if (id == copy) {
                assertThat(similar).containsExactly(InnovationDemoSeed.WORKSHOP);
            } else {
                assertThat(similar).as("similar to demo proposal %d", id).isEmpty();
                List<String> suggested = JsonPath.read(advice, "$.suggested");
                assertThat(suggested).doesNotContain("DUPLICATE", "PERFUNCTORY", "INCOMPLETE");
            }
        }
    }

    @Test
    void aCopiedTextUnderAnotherTitleIsFoundAndASubmissionRefreshesTheIndex() throws Exception {
        String copied = "Anak terlantar tinggal lama di panti tanpa pengasuhan keluarga. Anak-anak kembali diasuh"
                + " keluarga atau keluarga pengganti di sebelas kabupaten/kota di Jambi.";
        long first = drafted("Keluarga Asuh Pengganti Panti " + System.nanoTime(), copied);
        long second = drafted("Rumah Kasih Anak Terlantar " + System.nanoTime(), copied);
        submit(second);
        // not the same title, yet the 2018 proposal of another agency whose text it repeats is found
        String before = mvc.perform(
                        bearer(get("/api/v1/innovation/proposals/" + second + "/advice"), context, "sekretariat"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.suggested", Matchers.hasItem("DUPLICATE")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> titles = JsonPath.read(before, "$.similar[*].title");
        assertThat(titles).contains(InnovationDemoSeed.PESONA_SURGA);
        List<Number> ids = JsonPath.read(before, "$.similar[*].proposalId");
        // the first is still with the agency: not compared with
        assertThat(ids.stream().map(Number::longValue)).doesNotContain(first);

        submit(first);
        String after = mvc.perform(
                        bearer(get("/api/v1/innovation/proposals/" + second + "/advice"), context, "sekretariat"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Number> now = JsonPath.read(after, "$.similar[*].proposalId");
        // submitted now: the same text under another title ranks first, above the shorter 2018 proposal it copied
        assertThat(now.get(0).longValue()).isEqualTo(first);
        assertThat(((Number) JsonPath.read(after, "$.similar[0].similarity")).doubleValue())
                .isGreaterThan(0.5);
    }

    private long drafted(String title, String text) throws Exception {
        long period = InnovationTestSupport.currentPeriod(jdbc);
        long unit = context.getBean(id.peduli.organization.Organizations.class).tree().stream()
                .filter(u -> u.name().equals("Dinas Sosial Kabupaten Temanggung"))
                .findFirst()
                .orElseThrow()
                .id();
        String created = mvc.perform(
                        bearer(post("/api/v1/innovation/proposals?period=" + period), context, "operator.temanggung")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("""
                                {"unitId": %d, "title": "%s", "startedOn": "2022-02-01",
                                 "group": "GENERAL", "participantType": "REGENCY", "categoryCode": "SOCIAL_PROTECTION",
                                 "sdgTags": "SDG10"}
                                """.formatted(unit, title)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        for (String aspect : ASPECTS) {
            mvc.perform(bearer(post("/api/v1/innovation/proposals/" + id + "/answers"), context, "operator.temanggung")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"aspect\": \"" + aspect + "\", \"answer\": \"" + text + "\"}"))
                    .andExpect(status().isOk());
        }
        mvc.perform(bearer(post("/api/v1/innovation/proposals/" + id + "/send"), context, "operator.temanggung"))
                .andExpect(status().isOk());
        return id;
    }

    private void submit(long id) throws Exception {
        mvc.perform(bearer(post("/api/v1/innovation/proposals/" + id + "/submit"), context, "verifikator.jateng"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("SUBMITTED"));
    }
}
