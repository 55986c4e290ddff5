package id.peduli.platform;

import static id.peduli.access.AccessTestSupport.as;
import static id.peduli.access.AccessTestSupport.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PeduliTest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@PeduliTest
class ShellTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Test
    void healthIsPublicButInfoAndPrometheusNeedAnAdministratorToken() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(bearer(get("/actuator/prometheus"), context, "pekerja.alyatama"))
                .andExpect(status().isForbidden());
        mvc.perform(bearer(get("/actuator/prometheus"), context, "admin")).andExpect(status().isOk());
        mvc.perform(bearer(get("/actuator/info"), context, "admin")).andExpect(status().isOk());
    }

    @Test
    void pagesNeedSignInAndRedirectToTheLoginPage() throws Exception {
        mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login")).andExpect(status().isOk());
    }

    @Test
    void unknownPageIsATranslatedNotFoundPageInBothLanguages() throws Exception {
        mvc.perform(get("/no-such-page").with(as(context, "admin")).accept("text/html"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Tidak ditemukan")));
        mvc.perform(get("/no-such-page")
                        .with(as(context, "admin"))
                        .accept("text/html")
                        .cookie(new jakarta.servlet.http.Cookie("peduli_lang", "en")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Not found")));
    }

    @Test
    void apiErrorsAreProblemDetailsInTheCallersLanguage() throws Exception {
        mvc.perform(bearer(get("/api/v1/no-such-thing"), context, "admin").header("Accept-Language", "en"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.title").value("Not found"));
        mvc.perform(get("/api/v1/users"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value("Anda perlu masuk atau menyertakan token API yang sah."));
    }

    @Test
    void pagesSendAStrictContentSecurityPolicyAndContainNoInlineScript() throws Exception {
        MvcResult result = mvc.perform(get("/").with(as(context, "admin")))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andReturn();
        String html = result.getResponse().getContentAsString();
        assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>")
                        .matcher(html)
                        .find())
                .as("inline script")
                .isFalse();
        assertThat(html).doesNotContain(" onclick=").doesNotContain(" onchange=");
    }

    @Test
    void languageSwitchSetsTheLanguageAndOnlyRedirectsWithinTheSite() throws Exception {
        mvc.perform(
                        post("/language")
                                .param("lang", "en")
                                .param("back", "//evil.example/")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/"))
                .andExpect(header().string("Set-Cookie", org.hamcrest.Matchers.containsString("peduli_lang=en")));
    }

    @Test
    void aPostWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/language").param("lang", "en")).andExpect(status().isForbidden());
    }

    @Test
    void aboutPageCarriesTheRegionDataAttribution() throws Exception {
        mvc.perform(get("/about"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString("Contains data from idn-area-data (ODbL)")));
    }

    @Test
    void openApiDescribesTheApi() throws Exception {
        mvc.perform(bearer(get("/api/docs/openapi.json"), context, "admin"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/users']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/org-units']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/audit']").exists());
    }

    @Test
    void safeLocalPathRefusesOtherHosts() {
        assertThat(ShellController.safeLocalPath("/admin/users?q=a")).isEqualTo("/admin/users?q=a");
        assertThat(ShellController.safeLocalPath("https://evil.example")).isEqualTo("/");
        assertThat(ShellController.safeLocalPath("//evil.example")).isEqualTo("/");
        assertThat(ShellController.safeLocalPath("/\\evil")).isEqualTo("/");
        assertThat(ShellController.safeLocalPath(null)).isEqualTo("/");
    }
}
