package id.peduli.access;

import static id.peduli.access.AccessTestSupport.as;
import static id.peduli.access.AccessTestSupport.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PageText;
import id.peduli.PeduliTest;
import id.peduli.organization.Organizations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A grant's unit has no default: the administrator chooses a unit, or the whole country with an explicit
 * confirmation that the server checks as well. Over the API the confirmation is the field {@code wholeCountry}.
 */
@PeduliTest
class GrantUnitChoiceTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    Users users;

    @Autowired
    Organizations organizations;

    @Test
    void theGrantFormsPreselectNoUnitAndOfferTheWholeCountryOnlyAsAConfirmedChoice() throws Exception {
        long target = newUser("grant.form");
        String page = mvc.perform(get("/admin/users/" + target).with(as(context, "admin")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String select = PageText.element(page, "grantUnit");

        assertThat(select).contains("<option value=\"\">— Pilih unit —</option>");
        assertThat(select).doesNotContain("selected").doesNotContain("Semua unit");
        assertThat(page).contains("id=\"grantWholeCountry\" name=\"wholeCountry\" value=\"true\"");
        assertThat(page).doesNotContain("id=\"grantWholeCountry\" name=\"wholeCountry\" value=\"true\" checked");

        String newUser = mvc.perform(get("/admin/users/new").with(as(context, "admin")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(PageText.element(newUser, "grantUnit")).contains("<option value=\"\">— Pilih unit —</option>");
    }

    @Test
    void aGrantWithoutAUnitIsRefusedUnlessTheWholeCountryIsConfirmed() throws Exception {
        long target = newUser("grant.national");

        mvc.perform(grant(target).param("role", "DPO"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute(
                                "error",
                                "Pilih unit untuk hak akses ini, atau centang \"Seluruh negeri\" untuk memberi hak"
                                        + " akses atas semua unit."));
        assertThat(users.get(target).grants()).isEmpty();

        long kartini = unit("BBRSBG Kartini Temanggung");
        mvc.perform(grant(target)
                        .param("role", "SOCIAL_WORKER")
                        .param("unitId", String.valueOf(kartini))
                        .param("wholeCountry", "true"))
                .andExpect(flash().attribute(
                                "error", "Pilih salah satu: sebuah unit, atau seluruh negeri, tidak keduanya."));
        assertThat(users.get(target).grants()).isEmpty();

        mvc.perform(grant(target).param("role", "DPO").param("wholeCountry", "true"))
                .andExpect(flash().attribute("success", "Hak akses ditambahkan."));
        assertThat(users.get(target).grants()).singleElement().satisfies(g -> {
            assertThat(g.role()).isEqualTo(Role.DPO);
            assertThat(g.unitId()).isNull();
        });
    }

    @Test
    void aNewUsersFirstGrantNeedsAUnitOrTheConfirmedWholeCountry() throws Exception {
        mvc.perform(newUserRequest("first.grant.none").param("role", "AUDITOR"))
                .andExpect(status().isUnprocessableContent());
        assertThat(users.findByUsername("first.grant.none")).isEmpty();

        mvc.perform(newUserRequest("first.grant.all").param("role", "AUDITOR").param("wholeCountry", "true"))
                .andExpect(status().isFound());
        assertThat(users.findByUsername("first.grant.all").orElseThrow().grants())
                .singleElement()
                .satisfies(g -> assertThat(g.unitId()).isNull());

        mvc.perform(newUserRequest("first.grant.nothing")).andExpect(status().isFound());
        assertThat(users.findByUsername("first.grant.nothing").orElseThrow().grants())
                .isEmpty();
    }

    @Test
    void anApiGrantWithoutAUnitNeedsTheWholeCountryField() throws Exception {
        long target = newUser("grant.api.national");

        mvc.perform(apiGrant(target, "{\"role\":\"DPO\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("grant.api.wholeCountryRequired"))
                .andExpect(jsonPath("$.field").value("wholeCountry"))
                .andExpect(jsonPath("$.detail")
                        .value("Hak akses tanpa unitId berlaku untuk semua unit. Kirim unitId untuk satu unit, atau"
                                + " \"wholeCountry\": true untuk menegaskan hak akses atas seluruh negeri."));
        mvc.perform(apiGrant(target, "{\"role\":\"DPO\",\"wholeCountry\":false}")
                        .header("Accept-Language", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail")
                        .value("A grant without unitId covers every unit. Send unitId for one unit, or"
                                + " \"wholeCountry\": true to confirm a grant for the whole country."));
        long kartini = unit("BBRSBG Kartini Temanggung");
        mvc.perform(apiGrant(target, "{\"role\":\"SOCIAL_WORKER\",\"unitId\":" + kartini + ",\"wholeCountry\":true}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("grant.api.unitAndWholeCountry"))
                .andExpect(jsonPath("$.field").value("wholeCountry"));
        assertThat(users.get(target).grants()).isEmpty();

        mvc.perform(apiGrant(target, "{\"role\":\"DPO\",\"wholeCountry\":true}"))
                .andExpect(status().isOk());
        mvc.perform(apiGrant(target, "{\"role\":\"SOCIAL_WORKER\",\"unitId\":" + kartini + "}"))
                .andExpect(status().isOk());
        assertThat(users.get(target).grants())
                .extracting(UserView.GrantView::unitId)
                .containsExactlyInAnyOrder(null, kartini);
    }

    @Test
    void anApiUsersFirstGrantWithoutAUnitNeedsTheWholeCountryField() throws Exception {
        mvc.perform(apiNewUser("api.first.none", ",\"role\":\"AUDITOR\""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("grant.api.wholeCountryRequired"));
        assertThat(users.findByUsername("api.first.none")).isEmpty();

        mvc.perform(apiNewUser("api.first.all", ",\"role\":\"AUDITOR\",\"wholeCountry\":true"))
                .andExpect(status().isCreated());
        assertThat(users.findByUsername("api.first.all").orElseThrow().grants())
                .singleElement()
                .satisfies(g -> assertThat(g.unitId()).isNull());

        mvc.perform(apiNewUser("api.first.nothing", "")).andExpect(status().isCreated());
        assertThat(users.findByUsername("api.first.nothing").orElseThrow().grants())
                .isEmpty();
    }

    private MockHttpServletRequestBuilder apiGrant(long userId, String body) {
        return bearer(post("/api/v1/users/" + userId + "/grants"), context, "admin")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    private MockHttpServletRequestBuilder apiNewUser(String username, String grant) {
        return bearer(post("/api/v1/users"), context, "admin")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + username + "\",\"password\":\"Grant.Unit.2026x\","
                        + "\"profile\":{\"fullName\":\"Grant Unit\",\"locale\":\"id\",\"enabled\":true}"
                        + grant + "}");
    }

    private MockHttpServletRequestBuilder grant(long userId) {
        return post("/admin/users/" + userId + "/grants")
                .with(as(context, "admin"))
                .with(csrf());
    }

    private MockHttpServletRequestBuilder newUserRequest(String username) {
        return post("/admin/users")
                .with(as(context, "admin"))
                .with(csrf())
                .param("username", username)
                .param("password", "Grant.Unit.2026x")
                .param("fullName", "Grant Unit")
                .param("locale", "id")
                .param("enabled", "true");
    }

    private long newUser(String username) throws Exception {
        mvc.perform(newUserRequest(username)).andExpect(status().isFound());
        return users.findByUsername(username).orElseThrow().id();
    }

    private long unit(String name) {
        return organizations.tree().stream()
                .filter(u -> u.name().equals(name))
                .findFirst()
                .orElseThrow()
                .id();
    }
}
