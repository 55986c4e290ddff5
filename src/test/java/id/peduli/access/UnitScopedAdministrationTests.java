package id.peduli.access;

import static id.peduli.access.AccessTestSupport.as;
import static id.peduli.access.AccessTestSupport.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PeduliTest;
import id.peduli.organization.Organizations;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A SYSTEM_ADMIN of one unit administers only the users of that unit's subtree. */
@PeduliTest
class UnitScopedAdministrationTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** An id no user has (kept below 1000 so that it is printed without digit grouping, like real ids). */
    private static final long MISSING = 999L;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    Users users;

    @Autowired
    Organizations organizations;

    @Autowired
    JdbcClient jdbc;

    long alyatama;
    long kartini;
    String unitAdmin;
    long nationalAdmin;

    @BeforeEach
    void aSystemAdministratorOfPsaaAlyatama() {
        alyatama = unitId("PSAA Alyatama Jambi");
        kartini = unitId("BBRSBG Kartini Temanggung");
        unitAdmin = "admin.alyatama." + SEQUENCE.incrementAndGet();
        UserView admin = newUser(unitAdmin);
        users.addGrant(admin.id(), Role.SYSTEM_ADMIN, alyatama);
        nationalAdmin = users.findByUsername("admin").orElseThrow().id();
    }

    @Test
    void aUnitAdministratorCannotResetTheNationalAdministratorsPassword() throws Exception {
        assertThat(users.find(MISSING)).isEmpty();
        String hashBefore = passwordHash(nationalAdmin);
        JsonNode outside =
                problem(bearer(post("/api/v1/users/" + nationalAdmin + "/password-reset"), context, unitAdmin), 404);
        JsonNode missing =
                problem(bearer(post("/api/v1/users/" + MISSING + "/password-reset"), context, unitAdmin), 404);
        assertThat(outside.toString()).doesNotContain("temporaryPassword");
        assertSameAsMissing(outside, missing, nationalAdmin);
        assertThat(passwordHash(nationalAdmin)).isEqualTo(hashBefore);
    }

    @Test
    void usersOutsideTheSubtreeAnswerLikeMissingOnEveryUserEndpoint() throws Exception {
        long kartiniHead = users.findByUsername("kepala.kartini").orElseThrow().id();
        for (long id : List.of(nationalAdmin, kartiniHead)) {
            String hashBefore = passwordHash(id);
            problem(bearer(get("/api/v1/users/" + id), context, unitAdmin), 404);
            problem(bearer(post("/api/v1/users/" + id + "/unlock"), context, unitAdmin), 404);
            problem(bearer(delete("/api/v1/users/" + id + "/grants/1"), context, unitAdmin), 404);
            // Scope before validation: even a body that would be refused answers 404.
            problem(json(bearer(put("/api/v1/users/" + id), context, unitAdmin), "{\"profile\":{}}"), 404);
            problem(
                    json(
                            bearer(post("/api/v1/users/" + id + "/grants"), context, unitAdmin),
                            "{\"role\":\"SOCIAL_WORKER\",\"unitId\":" + alyatama + "}"),
                    404);
            mvc.perform(get("/admin/users/" + id).with(as(context, unitAdmin)))
                    .andExpect(status().isNotFound())
                    .andExpect(content().string(Matchers.not(Matchers.containsString("kepala.kartini"))));
            for (String action : List.of("/reset-password", "/unlock", "", "/grants", "/grants/1/delete")) {
                mvc.perform(post("/admin/users/" + id + action)
                                .with(as(context, unitAdmin))
                                .with(csrf())
                                .param("fullName", "")
                                .param("role", "SOCIAL_WORKER")
                                .param("unitId", String.valueOf(alyatama)))
                        .andExpect(status().isNotFound());
            }
            assertThat(passwordHash(id)).isEqualTo(hashBefore);
        }
        assertThat(users.get(kartiniHead).grants()).hasSize(1);
    }

    @Test
    void theUserListShowsOnlyUsersWhoseEveryGrantIsInTheSubtreeAndCountsOnlyThem() throws Exception {
        UserView mixed = newUser("mixed.grants." + SEQUENCE.incrementAndGet());
        users.addGrant(mixed.id(), Role.SOCIAL_WORKER, alyatama);
        users.addGrant(mixed.id(), Role.SOCIAL_WORKER, kartini);
        UserView noGrant = newUser("no.grant." + SEQUENCE.incrementAndGet());
        long expected = jdbc.sql("select id from access.user_account").query(Long.class).list().stream()
                .map(users::get)
                .filter(u -> !u.grants().isEmpty()
                        && u.grants().stream()
                                .allMatch(g -> g.unitId() != null && organizations.isWithin(g.unitId(), alyatama)))
                .count();
        String body = mvc.perform(bearer(get("/api/v1/users").param("size", "200"), context, unitAdmin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(expected))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body)
                .contains("\"pekerja.alyatama\"", "\"logistik.alyatama\"", "\"" + unitAdmin + "\"")
                .doesNotContain("\"admin\"", "\"kepala.kartini\"", mixed.username(), noGrant.username());
        mvc.perform(bearer(get("/api/v1/users").param("size", "1").param("page", "1"), context, unitAdmin))
                .andExpect(jsonPath("$.total").value(expected))
                .andExpect(jsonPath("$.items.length()").value(1));
        mvc.perform(get("/admin/users").with(as(context, unitAdmin)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Nurhayati")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Rina Wulandari"))));
        // Users without any grant are in no unit: only national administrators see and manage them.
        problem(bearer(get("/api/v1/users/" + noGrant.id()), context, unitAdmin), 404);
        problem(bearer(get("/api/v1/users/" + mixed.id()), context, unitAdmin), 404);
        mvc.perform(bearer(get("/api/v1/users/" + noGrant.id()), context, "admin"))
                .andExpect(status().isOk());
    }

    @Test
    void aUnitAdministratorManagesTheUsersOfTheSubtree() throws Exception {
        UserView worker = newUser("worker.alyatama." + SEQUENCE.incrementAndGet());
        users.addGrant(worker.id(), Role.SOCIAL_WORKER, alyatama);
        mvc.perform(bearer(post("/api/v1/users/" + worker.id() + "/password-reset"), context, unitAdmin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.temporaryPassword").isString());
        mvc.perform(get("/admin/users/" + worker.id()).with(as(context, unitAdmin)))
                .andExpect(status().isOk());
        mvc.perform(json(
                        bearer(post("/api/v1/users/" + worker.id() + "/grants"), context, unitAdmin),
                        "{\"role\":\"LOGISTICS_OFFICER\",\"unitId\":" + alyatama + "}"))
                .andExpect(status().isOk());
        assertThat(users.get(worker.id()).grants()).hasSize(2);
    }

    @Test
    void onlyANationalAdministratorGivesSystemAdminDpoOrAuditor() throws Exception {
        UserView worker = newUser("worker.roles." + SEQUENCE.incrementAndGet());
        users.addGrant(worker.id(), Role.SOCIAL_WORKER, alyatama);
        for (Role role : List.of(Role.SYSTEM_ADMIN, Role.DPO, Role.AUDITOR)) {
            mvc.perform(json(
                            bearer(post("/api/v1/users/" + worker.id() + "/grants"), context, unitAdmin)
                                    .header("Accept-Language", "en"),
                            "{\"role\":\"" + role + "\",\"unitId\":" + alyatama + "}"))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("grant.nationalRoleOnly"))
                    .andExpect(jsonPath("$.detail")
                            .value("Only a national administrator can give or take away this role."));
        }
        mvc.perform(post("/admin/users/" + worker.id() + "/grants")
                        .with(as(context, unitAdmin))
                        .with(csrf())
                        .param("role", "DPO")
                        .param("unitId", String.valueOf(alyatama)))
                .andExpect(status().isFound());
        assertThat(users.get(worker.id()).grants()).hasSize(1);
        mvc.perform(json(
                        bearer(post("/api/v1/users/" + worker.id() + "/grants"), context, "admin"),
                        "{\"role\":\"DPO\",\"unitId\":" + alyatama + "}"))
                .andExpect(status().isOk());
    }

    @Test
    void theFormsOfferAUnitAdministratorOnlyWhatTheyMayGrant() throws Exception {
        mvc.perform(get("/admin/users/new").with(as(context, unitAdmin)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("value=\"SOCIAL_WORKER\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("value=\"SYSTEM_ADMIN\""))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("value=\"DPO\""))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Kementerian Sosial"))));
        mvc.perform(get("/admin/users/new").with(as(context, "admin")))
                .andExpect(content().string(Matchers.containsString("value=\"SYSTEM_ADMIN\"")));
    }

    @Test
    void nobodyChangesTheirOwnGrants() throws Exception {
        UserView me = users.findByUsername(unitAdmin).orElseThrow();
        long grantId = me.grants().get(0).id();
        mvc.perform(json(
                        bearer(post("/api/v1/users/" + me.id() + "/grants"), context, unitAdmin),
                        "{\"role\":\"SOCIAL_WORKER\",\"unitId\":" + alyatama + "}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("grant.ownGrants"));
        mvc.perform(bearer(delete("/api/v1/users/" + me.id() + "/grants/" + grantId), context, unitAdmin))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("grant.ownGrants"));
        mvc.perform(post("/admin/users/" + me.id() + "/grants/" + grantId + "/delete")
                        .with(as(context, unitAdmin))
                        .with(csrf()))
                .andExpect(status().isFound());
        mvc.perform(json(
                        bearer(post("/api/v1/users/" + nationalAdmin + "/grants"), context, "admin"),
                        "{\"role\":\"DPO\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("grant.ownGrants"));
        assertThat(users.get(me.id()).grants()).hasSize(1);
        assertThat(users.get(nationalAdmin).grants()).hasSize(1);
    }

    @Test
    void aUnitAdministratorCreatesUsersOnlyWithAFirstGrantInScope() throws Exception {
        String bare = "bare.new." + SEQUENCE.incrementAndGet();
        mvc.perform(json(bearer(post("/api/v1/users"), context, unitAdmin), newUserBody(bare, null, null)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("grant.firstRequired"));
        mvc.perform(json(
                        bearer(post("/api/v1/users"), context, unitAdmin), newUserBody(bare, "SOCIAL_WORKER", kartini)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("grant.unitOutOfScope"));
        mvc.perform(post("/admin/users")
                        .with(as(context, unitAdmin))
                        .with(csrf())
                        .param("username", bare)
                        .param("password", "Initial.Pass.2026")
                        .param("fullName", "Bare"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(Matchers.containsString("Pilih peran dan unit dalam cakupan Anda")));
        assertThat(users.findByUsername(bare)).isEmpty();
        mvc.perform(json(
                        bearer(post("/api/v1/users"), context, unitAdmin),
                        newUserBody(bare, "SOCIAL_WORKER", alyatama)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.grants[0].role").value("SOCIAL_WORKER"));
        long id = users.findByUsername(bare).orElseThrow().id();
        mvc.perform(bearer(get("/api/v1/users/" + id), context, unitAdmin)).andExpect(status().isOk());
        // A national administrator may still create a user without a grant.
        String plain = "plain.new." + SEQUENCE.incrementAndGet();
        mvc.perform(json(bearer(post("/api/v1/users"), context, "admin"), newUserBody(plain, null, null)))
                .andExpect(status().isCreated());
    }

    @Test
    void anInvalidBodyForAUserInScopeStillGetsItsFieldMessages() throws Exception {
        mvc.perform(json(
                        bearer(put("/api/v1/users/" + nationalAdmin), context, "admin"),
                        "{\"profile\":{\"fullName\":\"\",\"locale\":\"id\",\"enabled\":true}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("error.validation"))
                .andExpect(jsonPath("$.errors[*].field", Matchers.hasItem("version")));
    }

    private static String newUserBody(String username, String role, Long unitId) {
        String grant = role == null ? "" : ",\"role\":\"" + role + "\",\"unitId\":" + unitId;
        return """
                {"username":"%s","password":"Initial.Pass.2026",
                 "profile":{"fullName":"Test %s","locale":"id","enabled":true}%s}
                """.formatted(username, username, grant);
    }

    private JsonNode problem(MockHttpServletRequestBuilder request, int status) throws Exception {
        String body = mvc.perform(request)
                .andExpect(status().is(status))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonMapper.builder().build().readTree(body);
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static void assertSameAsMissing(JsonNode outside, JsonNode missing, long outsideId) {
        assertThat(outside.get("code").asString()).isEqualTo("user.notFound");
        assertThat(outside.get("title")).isEqualTo(missing.get("title"));
        assertThat(outside.get("detail").asString())
                .isEqualTo(
                        missing.get("detail").asString().replace(String.valueOf(MISSING), String.valueOf(outsideId)));
        assertThat(outside.size()).isEqualTo(missing.size());
    }

    private String passwordHash(long userId) {
        return jdbc.sql("select password_hash from access.user_account where id = ?")
                .param(userId)
                .query(String.class)
                .single();
    }

    private UserView newUser(String username) {
        return users.create(new NewUserCommand(
                username, "Initial.Pass.2026", new UserCommand("Test " + username, null, null, "id", true), false));
    }

    private long unitId(String name) {
        return organizations.tree().stream()
                .filter(u -> u.name().equals(name))
                .findFirst()
                .orElseThrow()
                .id();
    }
}
