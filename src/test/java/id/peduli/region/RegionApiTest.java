package id.peduli.region;

import static id.peduli.access.AccessTestSupport.bearer;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PeduliTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@PeduliTest
class RegionApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Test
    void listsTheProvincesWithoutParent() throws Exception {
        mvc.perform(asUser(get("/api/v1/regions")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$", hasSize(38)))
                .andExpect(jsonPath("$[0].code").value("11"))
                .andExpect(jsonPath("$[0].name").value("Aceh"))
                .andExpect(jsonPath("$[0].level").value(1))
                .andExpect(jsonPath("$[0].parentCode").doesNotExist());
    }

    @Test
    void listsTheChildrenOfAParent() throws Exception {
        mvc.perform(asUser(get("/api/v1/regions").param("parent", "33.23")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(20)))
                .andExpect(jsonPath("$[0].code").value("33.23.01"))
                .andExpect(jsonPath("$[0].parentCode").value("33.23"))
                .andExpect(jsonPath("$[0].level").value(3));
    }

    @Test
    void anUnknownParentIsNotFound() throws Exception {
        mvc.perform(asUser(get("/api/v1/regions").param("parent", "33.99")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.code").value("region.notFound"));
    }

    @Test
    void getsOneRegion() throws Exception {
        mvc.perform(asUser(get("/api/v1/regions/{code}", "33.23.03")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value("33.23.03"))
                .andExpect(jsonPath("$.parentCode").value("33.23"))
                .andExpect(jsonPath("$.level").value(3))
                .andExpect(jsonPath("$.name").value("Temanggung"))
                .andExpect(jsonPath("$.levelKey").doesNotExist());
    }

    @Test
    void anUnknownCodeIsAProblemDetailInTheCallersLanguage() throws Exception {
        mvc.perform(asUser(get("/api/v1/regions/{code}", "33.23.99")).header("Accept-Language", "en"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("region.notFound"))
                .andExpect(jsonPath("$.detail").value("No region has the code “33.23.99”."));
        mvc.perform(asUser(get("/api/v1/regions/{code}", "bukan-kode")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Wilayah dengan kode “bukan-kode” tidak ditemukan."));
    }

    @Test
    void searchesByName() throws Exception {
        mvc.perform(asUser(get("/api/v1/regions/search")
                        .param("q", "temang")
                        .param("level", "2")
                        .param("limit", "20")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].code").value("33.23"))
                .andExpect(jsonPath("$[0].name").value("Kabupaten Temanggung"));
        mvc.perform(asUser(get("/api/v1/regions/search").param("q", "jaya")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(RegionApiController.DEFAULT_LIMIT)));
    }

    @Test
    void refusesSearchesItCannotAnswer() throws Exception {
        mvc.perform(asUser(get("/api/v1/regions/search").param("q", " ")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("region.search.queryRequired"))
                .andExpect(jsonPath("$.field").value("q"));
        mvc.perform(asUser(get("/api/v1/regions/search").param("q", "jaya").param("level", "5")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("region.search.levelInvalid"));
        mvc.perform(asUser(get("/api/v1/regions/search").param("q", "jaya").param("limit", "101")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("region.search.limitInvalid"));
        mvc.perform(asUser(get("/api/v1/regions/search").param("q", "jaya").param("level", "two")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void refusesCallersWhoAreNotSignedIn() throws Exception {
        mvc.perform(get("/api/v1/regions").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/regions").header("Authorization", "Bearer not-a-token"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/regions/33").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/regions/search").param("q", "jaya").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isUnauthorized());
    }

    /** Any signed-in user may read regions: here a social worker with a personal access token. */
    @Test
    void theOpenApiDocumentDescribesTheRegionEndpoints() throws Exception {
        mvc.perform(asUser(get("/api/docs/openapi.json")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/regions'].get.tags[0]").value("Regions"))
                .andExpect(jsonPath("$.paths['/api/v1/regions/{code}'].get.summary")
                        .value("Get one region by its dotted code"))
                .andExpect(jsonPath("$.paths['/api/v1/regions/search'].get.parameters[?(@.name == 'q')]")
                        .exists());
    }

    private MockHttpServletRequestBuilder asUser(MockHttpServletRequestBuilder request) {
        return bearer(request.accept(MediaType.APPLICATION_JSON), context, "pekerja.alyatama");
    }
}
