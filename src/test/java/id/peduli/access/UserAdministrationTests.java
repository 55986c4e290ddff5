package id.peduli.access;

import static id.peduli.access.AccessTestSupport.as;
import static id.peduli.access.AccessTestSupport.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PeduliTest;
import id.peduli.organization.Organizations;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@PeduliTest
class UserAdministrationTests {

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

    @Test
    void adminCreatesAUserWithAGrantInTheBrowser() throws Exception {
        long kartini = unitId("BBRSBG Kartini Temanggung");
        mvc.perform(post("/admin/users")
                        .with(as(context, "admin"))
                        .with(csrf())
                        .param("username", "siti.rahma")
                        .param("password", "Mentor.Baru.2026")
                        .param("fullName", "Siti Rahma")
                        .param("email", "siti@example.id")
                        .param("locale", "id")
                        .param("enabled", "true")
                        .param("role", "SITE_MENTOR")
                        .param("unitId", String.valueOf(kartini)))
                .andExpect(status().isFound());
        UserView created = users.findByUsername("siti.rahma").orElseThrow();
        assertThat(created.mustChangePassword()).isTrue();
        assertThat(created.grants()).singleElement().satisfies(g -> {
            assertThat(g.role()).isEqualTo(Role.SITE_MENTOR);
            assertThat(g.unitId()).isEqualTo(kartini);
        });
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'GRANT_CHANGED' and subject_id = ?")
                        .param(String.valueOf(created.id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void duplicateUsernameIsRefusedInTheBrowserAndTheApiAndChangesNothing() throws Exception {
        long before = userCount();
        mvc.perform(post("/admin/users")
                        .with(as(context, "admin"))
                        .with(csrf())
                        .param("username", "ADMIN")
                        .param("password", "Another.Pass.2026")
                        .param("fullName", "Someone"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(Matchers.containsString("Nama pengguna ADMIN sudah dipakai.")));
        mvc.perform(bearer(post("/api/v1/users"), context, "admin")
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"admin","password":"Another.Pass.2026",
                                 "profile":{"fullName":"Someone","locale":"id","enabled":true}}
                                """))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("The username admin is already taken."))
                .andExpect(jsonPath("$.field").value("username"));
        assertThat(userCount()).isEqualTo(before);
    }

    @Test
    void overLongAndMalformedFieldsAreRefusedWithAMessagePerField() throws Exception {
        long before = userCount();
        mvc.perform(post("/admin/users")
                        .with(as(context, "admin"))
                        .with(csrf())
                        .param("username", "x y")
                        .param("password", "Valid.Pass.2026")
                        .param("fullName", "N".repeat(201))
                        .param("email", "not-an-email"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(Matchers.containsString("Paling banyak 200 karakter.")))
                .andExpect(content().string(Matchers.containsString("Alamat email tidak valid.")))
                .andExpect(content().string(Matchers.containsString("Nama pengguna hanya boleh berisi")));
        mvc.perform(bearer(post("/api/v1/users"), context, "admin")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"ok.name","password":"Valid.Pass.2026",
                                 "profile":{"fullName":"%s","locale":"id","enabled":true}}
                                """.formatted("N".repeat(201))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("profile.fullName"))
                .andExpect(jsonPath("$.errors[0].message").value("Paling banyak 200 karakter."));
        assertThat(userCount()).isEqualTo(before);
    }

    @Test
    void weakFirstPasswordIsRefused() throws Exception {
        mvc.perform(bearer(post("/api/v1/users"), context, "admin")
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"weak.pass","password":"short1",
                                 "profile":{"fullName":"Weak","locale":"id","enabled":true}}
                                """))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value("The password needs at least 10 characters."));
        assertThat(users.findByUsername("weak.pass")).isEmpty();
    }

    @Test
    void aPasswordOfMoreThan72BytesIsRefusedWithAMessageNotAnError() throws Exception {
        String accented = "Sandi2026" + "é".repeat(41);
        mvc.perform(bearer(post("/api/v1/users"), context, "admin")
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"long.bytes","password":"%s",
                                 "profile":{"fullName":"Long","locale":"id","enabled":true}}
                                """.formatted(accented)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("password.tooManyBytes"))
                .andExpect(
                        jsonPath("$.detail").value(Matchers.startsWith("The password is too long: at most 72 bytes.")));
        assertThat(users.findByUsername("long.bytes")).isEmpty();
        UserView user = newUser("long.change");
        MockHttpSession session =
                (MockHttpSession) mvc.perform(formLogin().user("long.change").password("Initial.Pass.2026"))
                        .andExpect(redirectedUrl("/"))
                        .andReturn()
                        .getRequest()
                        .getSession();
        mvc.perform(post("/account/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", "Initial.Pass.2026")
                        .param("password", accented)
                        .param("confirmation", accented))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(Matchers.containsString("Kata sandi terlalu panjang")));
        assertThat(users.get(user.id()).version()).isEqualTo(user.version());
    }

    @Test
    void grantOnAMissingUnitIsRefused() throws Exception {
        UserView user = newUser("grant.missing");
        mvc.perform(bearer(post("/api/v1/users/" + user.id() + "/grants"), context, "admin")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"SOCIAL_WORKER\",\"unitId\":999999}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("grant.unitNotFound"));
        assertThat(users.get(user.id()).grants()).isEmpty();
    }

    @Test
    void aUnitScopedAdministratorCannotGrantOutsideTheirUnitOrForAllUnits() throws Exception {
        long kartini = unitId("BBRSBG Kartini Temanggung");
        long alyatama = unitId("PSAA Alyatama Jambi");
        UserView scopedAdmin = newUser("admin.kartini");
        users.addGrant(scopedAdmin.id(), Role.SYSTEM_ADMIN, kartini);
        UserView target = newUser("target.scope");
        users.addGrant(target.id(), Role.UNIT_HEAD, kartini);
        mvc.perform(bearer(post("/api/v1/users/" + target.id() + "/grants"), context, "admin.kartini")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"SOCIAL_WORKER\",\"unitId\":" + alyatama + "}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("grant.unitOutOfScope"));
        mvc.perform(bearer(post("/api/v1/users/" + target.id() + "/grants"), context, "admin.kartini")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"AUDITOR\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("grant.globalNotAllowed"));
        mvc.perform(bearer(post("/api/v1/users/" + target.id() + "/grants"), context, "admin.kartini")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"SITE_MENTOR\",\"unitId\":" + kartini + "}"))
                .andExpect(status().isOk());
        assertThat(users.get(target.id()).grants()).hasSize(2);
    }

    @Test
    void staleVersionOnEditIsRefusedWithAClearMessage() throws Exception {
        UserView user = newUser("stale.edit");
        String body = """
                {"version":%d,"profile":{"fullName":"%s","locale":"id","enabled":true}}
                """;
        mvc.perform(bearer(put("/api/v1/users/" + user.id()), context, "admin")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(user.version(), "First Edit")))
                .andExpect(status().isOk());
        mvc.perform(bearer(put("/api/v1/users/" + user.id()), context, "admin")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en")
                        .content(body.formatted(user.version(), "Second Edit")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("error.staleVersion"));
        assertThat(users.get(user.id()).fullName()).isEqualTo("First Edit");
    }

    @Test
    void resetPasswordForcesAChangeAtNextSignIn() throws Exception {
        UserView user = newUser("reset.me");
        String temporary = users.resetPassword(user.id());
        MockHttpSession session =
                (MockHttpSession) mvc.perform(formLogin().user("reset.me").password(temporary))
                        .andExpect(redirectedUrl("/"))
                        .andReturn()
                        .getRequest()
                        .getSession();
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(post("/account/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", temporary)
                        .param("password", "Fresh.Secret.2026")
                        .param("confirmation", "Different.2026"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(Matchers.containsString("Kedua kata sandi baru tidak sama.")));
        mvc.perform(post("/account/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", temporary)
                        .param("password", "Fresh.Secret.2026")
                        .param("confirmation", "Fresh.Secret.2026"))
                .andExpect(redirectedUrl("/account"));
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        assertThat(users.get(user.id()).mustChangePassword()).isFalse();
    }

    @Test
    void apiTokensThatAreUnknownExpiredOrRevokedAreRefusedWithTheReason() throws Exception {
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer pdl_unknown"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("token.invalid"));
        String token = AccessTestSupport.tokenFor(context, "dpo", 1);
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("dpo"));
        jdbc.sql("update access.api_token set expires_at = now() - interval '1 minute' where token_hash = ?")
                .param(ApiTokens.hash(token))
                .update();
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token).header("Accept-Language", "en"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("token.expired"))
                .andExpect(jsonPath("$.detail").value("The API token has expired. Create a new one."));
        String second = AccessTestSupport.tokenFor(context, "dpo", 1);
        long id = jdbc.sql("select id from access.api_token where token_hash = ?")
                .param(ApiTokens.hash(second))
                .query(Long.class)
                .single();
        mvc.perform(delete("/api/v1/me/tokens/" + id).header("Authorization", "Bearer " + second))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + second))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("token.revoked"));
    }

    @Test
    void tokensAreStoredOnlyAsHashes() {
        String token = AccessTestSupport.tokenFor(context, "auditor", 1);
        long plain = jdbc.sql("select count(*) from access.api_token where token_hash = ? or prefix = ?")
                .params(token, token)
                .query(Long.class)
                .single();
        assertThat(plain).isZero();
    }

    @Test
    void usersWithoutSystemAdminAreRefusedOnEveryUserPageAndEndpoint() throws Exception {
        for (String user : new String[] {"kepala.kartini", "dpo", "auditor", "pekerja.alyatama", "evaluator"}) {
            mvc.perform(get("/admin/users").with(as(context, user))).andExpect(status().isForbidden());
            mvc.perform(get("/admin/users/new").with(as(context, user))).andExpect(status().isForbidden());
            mvc.perform(get("/admin/users/1").with(as(context, user))).andExpect(status().isForbidden());
            mvc.perform(post("/admin/users")
                            .with(as(context, user))
                            .with(csrf())
                            .param("username", "x"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/admin/users/1/reset-password")
                            .with(as(context, user))
                            .with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(bearer(get("/api/v1/users"), context, user)).andExpect(status().isForbidden());
            mvc.perform(bearer(get("/api/v1/users/1"), context, user)).andExpect(status().isForbidden());
            mvc.perform(bearer(post("/api/v1/users/1/grants"), context, user)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"role\":\"SYSTEM_ADMIN\"}"))
                    .andExpect(status().isForbidden());
            mvc.perform(bearer(post("/api/v1/users/1/password-reset"), context, user))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void everySignedInUserManagesTheirOwnTokensButNoOneElses() throws Exception {
        String token = AccessTestSupport.tokenFor(context, "evaluator", 1);
        long id = jdbc.sql("select id from access.api_token where token_hash = ?")
                .param(ApiTokens.hash(token))
                .query(Long.class)
                .single();
        mvc.perform(bearer(delete("/api/v1/me/tokens/" + id), context, "panelis"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
        mvc.perform(get("/account/tokens").with(as(context, "panelis"))).andExpect(status().isOk());
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

    private long userCount() {
        return jdbc.sql("select count(*) from access.user_account")
                .query(Long.class)
                .single();
    }
}
