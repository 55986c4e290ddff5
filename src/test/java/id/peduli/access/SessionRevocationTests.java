package id.peduli.access;

import static id.peduli.access.AccessTestSupport.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PeduliTest;
import id.peduli.organization.Organizations;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** A reset password, a disabled account or a removed grant ends the user's sessions and tokens at once. */
@PeduliTest
class SessionRevocationTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String PASSWORD = "Rahasia.Kuat.2026";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    Users users;

    @Autowired
    Organizations organizations;

    @Test
    void aPasswordResetEndsTheSessionAndRevokesTheTokens() throws Exception {
        SignedIn user = signedInWorker();
        mvc.perform(bearer(post("/api/v1/users/" + user.id() + "/password-reset"), context, "admin"))
                .andExpect(status().isOk());
        assertSessionAndTokenRefused(user);
    }

    @Test
    void disablingTheAccountEndsTheSessionAndTheTokens() throws Exception {
        SignedIn user = signedInWorker();
        UserView view = users.get(user.id());
        mvc.perform(bearer(put("/api/v1/users/" + user.id()), context, "admin")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"version":%d,"profile":{"fullName":"%s","locale":"id","enabled":false}}
                                """.formatted(view.version(), view.fullName())))
                .andExpect(status().isOk());
        assertSessionAndTokenRefused(user);
    }

    @Test
    void removingAGrantEndsTheSessionThatStillHeldIt() throws Exception {
        SignedIn user = signedInWorker();
        long grantId = users.get(user.id()).grants().get(0).id();
        mvc.perform(bearer(delete("/api/v1/users/" + user.id() + "/grants/" + grantId), context, "admin"))
                .andExpect(status().isOk());
        assertSessionAndTokenRefused(user);
    }

    @Test
    void editingTheProfileKeepsTheSession() throws Exception {
        SignedIn user = signedInWorker();
        UserView view = users.get(user.id());
        mvc.perform(bearer(put("/api/v1/users/" + user.id()), context, "admin")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"version":%d,"profile":{"fullName":"Renamed","locale":"id","enabled":true}}
                                """.formatted(view.version())))
                .andExpect(status().isOk());
        mvc.perform(get("/").session(user.session())).andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + user.token()))
                .andExpect(status().isOk());
    }

    private void assertSessionAndTokenRefused(SignedIn user) throws Exception {
        mvc.perform(get("/").session(user.session())).andExpect(redirectedUrl("/login"));
        assertThat(user.session().isInvalid()).isTrue();
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + user.token()))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("token.revoked"));
    }

    record SignedIn(long id, MockHttpSession session, String token) {}

    /** A social worker of PSAA Alyatama Jambi with a page session and an API token that both work. */
    private SignedIn signedInWorker() throws Exception {
        String username = "sesi.pekerja." + SEQUENCE.incrementAndGet();
        long alyatama = organizations.tree().stream()
                .filter(u -> u.name().equals("PSAA Alyatama Jambi"))
                .findFirst()
                .orElseThrow()
                .id();
        UserView user = users.create(
                new NewUserCommand(username, PASSWORD, new UserCommand("Uji Sesi", null, null, "id", true), false),
                Role.SOCIAL_WORKER,
                alyatama);
        MockHttpSession session =
                (MockHttpSession) mvc.perform(formLogin().user(username).password(PASSWORD))
                        .andExpect(redirectedUrl("/"))
                        .andReturn()
                        .getRequest()
                        .getSession();
        String token = AccessTestSupport.tokenFor(context, username, 1);
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
        return new SignedIn(user.id(), session, token);
    }
}
