package id.peduli.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PeduliTest;
import jakarta.servlet.http.Cookie;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@PeduliTest
class SignInTests {

    static final String DEMO_PASSWORD = "Peduli.Demo.2026";

    @Autowired
    MockMvc mvc;

    @Autowired
    Users users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SignInThrottle throttle;

    @Test
    void demoAccountSignsInAndLandsOnHome() throws Exception {
        mvc.perform(formLogin().user("kepala.kartini").password(DEMO_PASSWORD))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/"));
        assertThat(count("LOGIN", "kepala.kartini")).isPositive();
    }

    @Test
    void wrongPasswordShowsATranslatedMessageAndIsAudited() throws Exception {
        long before = count("LOGIN_FAILED", "auditor");
        mvc.perform(formLogin().user("auditor").password("not-the-password"))
                .andExpect(redirectedUrl("/login?error=bad"));
        mvc.perform(get("/login").param("error", "bad"))
                .andExpect(
                        content().string(Matchers.containsString("Gagal masuk: nama pengguna atau kata sandi salah")));
        mvc.perform(get("/login").param("error", "bad").cookie(new Cookie("peduli_lang", "en")))
                .andExpect(
                        content().string(Matchers.containsString("Sign-in failed: the username or password is wrong")));
        assertThat(count("LOGIN_FAILED", "auditor")).isEqualTo(before + 1);
    }

    @Test
    void fiveFailedSignInsLockTheAccountEvenForTheRightPassword() throws Exception {
        UserView user = users.create(new NewUserCommand(
                "kunci.test", "Rahasia.Kuat.2026", new UserCommand("Uji Kunci", null, null, "id", true), false));
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin().user("kunci.test").password("wrong-" + i))
                    .andExpect(redirectedUrl("/login?error=bad"));
        }
        // Locked: the right password gets the same answer as a wrong one, and the lock is not prolonged.
        mvc.perform(formLogin().user("kunci.test").password("Rahasia.Kuat.2026"))
                .andExpect(redirectedUrl("/login?error=bad"));
        assertThat(users.get(user.id()).locked()).isTrue();
        assertThat(count("LOCKED", "kunci.test")).isEqualTo(1);
        users.unlock(user.id());
        mvc.perform(formLogin().user("kunci.test").password("Rahasia.Kuat.2026"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void disabledAccountCannotSignIn() throws Exception {
        UserView user = users.create(new NewUserCommand(
                "nonaktif.test", "Rahasia.Kuat.2026", new UserCommand("Uji Nonaktif", null, null, "id", false), false));
        assertThat(user.enabled()).isFalse();
        mvc.perform(formLogin().user("nonaktif.test").password("Rahasia.Kuat.2026"))
                .andExpect(redirectedUrl("/login?error=bad"));
    }

    @Test
    void theLanguageChoiceSticksToTheUser() throws Exception {
        users.create(new NewUserCommand(
                "bahasa.test", "Rahasia.Kuat.2026", new UserCommand("Uji Bahasa", null, null, "id", true), false));
        MockHttpSession session =
                (MockHttpSession) mvc.perform(formLogin().user("bahasa.test").password("Rahasia.Kuat.2026"))
                        .andReturn()
                        .getRequest()
                        .getSession();
        mvc.perform(post("/language")
                        .param("lang", "en")
                        .param("back", "/")
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl("/"));
        assertThat(users.findByUsername("bahasa.test").orElseThrow().locale()).isEqualTo("en");
        // A new sign-in without any cookie gets English from the stored preference.
        MockHttpSession fresh =
                (MockHttpSession) mvc.perform(formLogin().user("bahasa.test").password("Rahasia.Kuat.2026"))
                        .andReturn()
                        .getRequest()
                        .getSession();
        mvc.perform(get("/").session(fresh)).andExpect(content().string(Matchers.containsString("Welcome, ")));
    }

    @Test
    void logoutEndsTheSession() throws Exception {
        MockHttpSession session =
                (MockHttpSession) mvc.perform(formLogin().user("dpo").password(DEMO_PASSWORD))
                        .andReturn()
                        .getRequest()
                        .getSession();
        long before = count("LOGOUT", "dpo");
        mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));
        mvc.perform(get("/").session(session)).andExpect(status().isFound());
        assertThat(count("LOGOUT", "dpo")).isEqualTo(before + 1);
    }

    @Test
    void signInLeadsBackToThePageAskedForWhileSignedOut() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/workshop/dashboard")
                        .session(session)
                        .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                        .header("Sec-Fetch-Mode", "navigate"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(signIn("manajer.kartini", session))
                .andExpect(redirectedUrl("http://localhost/workshop/dashboard?continue"));
    }

    /**
     * A script of a page left open (htmx, a fetch, a service worker's update check) may reach the application after
     * the session ended. Such a request is not a page to go back to: signing in leads home, never to a fragment, a
     * script or a JSON document.
     */
    @Test
    void backgroundRequestsWhileSignedOutNeverDecideWhereSignInLeads() throws Exception {
        List<MockHttpServletRequestBuilder> background = List.of(
                get("/workshop/sites/1").header("Accept", "*/*"),
                get("/workshop/sites/1").header("Accept", "text/html").header("HX-Request", "true"),
                get("/workshop/sites/1").header("Accept", "text/html").header("X-Requested-With", "XMLHttpRequest"),
                get("/workshop/sites/1").header("Accept", "text/html").header("Sec-Fetch-Mode", "same-origin"),
                get("/workshop/sites/1").header("Accept", "application/json"),
                post("/workshop/sessions/batch").header("Accept", "text/html").with(csrf()));
        for (MockHttpServletRequestBuilder request : background) {
            MockHttpSession session = new MockHttpSession();
            // to the sign-in page, or (htmx) told to reload the page
            mvc.perform(request.session(session))
                    .andExpect(result ->
                            assertThat(result.getResponse().getStatus()).isIn(302, 401));
            mvc.perform(signIn("manajer.kartini", session)).andExpect(redirectedUrl("/"));
        }
    }

    /** htmx swaps what it receives into part of the page: signed out, it is told to reload the page instead. */
    @Test
    void anHtmxRequestWhileSignedOutReloadsThePageInsteadOfShowingTheSignInPageInsideIt() throws Exception {
        mvc.perform(get("/regions/33/children").header("HX-Request", "true").header("Accept", "text/html"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Refresh", "true"))
                .andExpect(content().string(""));
        // the page itself, as the reload asks for it, goes to the sign-in page
        mvc.perform(get("/regions/33").header("Accept", "text/html"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void theOfflineScreensManifestAndServiceWorkerNeedNoSignIn() throws Exception {
        mvc.perform(get("/workshop/manifest.webmanifest"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("\"start_url\"")));
        mvc.perform(get("/workshop/sw.js"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("addEventListener('fetch'")));
    }

    private static MockHttpServletRequestBuilder signIn(String username, MockHttpSession session) {
        return post("/login")
                .session(session)
                .param("username", username)
                .param("password", DEMO_PASSWORD)
                .with(csrf());
    }

    @Test
    void theSignInPageNeverSaysWhetherAnAccountIsLockedOrDisabled() throws Exception {
        for (String reason : new String[] {"locked", "disabled", "bad"}) {
            mvc.perform(get("/login").param("error", reason).cookie(new Cookie("peduli_lang", "en")))
                    .andExpect(content().string(Matchers.containsString("Sign-in failed: the username or password")))
                    .andExpect(content().string(Matchers.not(Matchers.containsString("is locked for a while after"))))
                    .andExpect(content().string(Matchers.not(Matchers.containsString("This account is disabled"))));
        }
    }

    @Test
    void failedSignInsWithUnknownUsernamesAreCountedButNotLoggedOneRowEach() throws Exception {
        long before = jdbc.sql("select count(*) from audit.entry where action = 'LOGIN_FAILED'")
                .query(Long.class)
                .single();
        for (int i = 0; i < 3; i++) {
            mvc.perform(signIn("nobody.here." + i, "whatever-" + i, "198.51.100.20"))
                    .andExpect(redirectedUrl("/login?error=bad"));
        }
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'LOGIN_FAILED'")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
        assertThat(throttle.current("198.51.100.20").unknown()).isEqualTo(3);
    }

    @Test
    void anAddressThatFailedTooOftenMustWaitEvenWithTheRightPassword() throws Exception {
        users.create(new NewUserCommand(
                "throttle.test", "Rahasia.Kuat.2026", new UserCommand("Uji Batas", null, null, "id", true), false));
        String address = "198.51.100.30";
        for (int i = 0; i < throttle.limit(); i++) {
            mvc.perform(signIn("guess." + i, "wrong-" + i, address)).andExpect(redirectedUrl("/login?error=bad"));
        }
        mvc.perform(signIn("throttle.test", "Rahasia.Kuat.2026", address)).andExpect(redirectedUrl("/login?error=bad"));
        // The account itself is not locked: from another address the right password works.
        mvc.perform(signIn("throttle.test", "Rahasia.Kuat.2026", "198.51.100.31"))
                .andExpect(redirectedUrl("/"));
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'LOGIN_FAILED' and client_address = ? "
                                + "and purpose like 'SIGN_IN_PAUSED:%'")
                        .param(address)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aPasswordLongerThanBcryptTakesIsAWrongPasswordNotAnError() throws Exception {
        mvc.perform(signIn("auditor", "Panjang-" + "é".repeat(60), "198.51.100.40"))
                .andExpect(redirectedUrl("/login?error=bad"));
    }

    private static MockHttpServletRequestBuilder signIn(String username, String password, String address) {
        return post("/login")
                .param("username", username)
                .param("password", password)
                .with(csrf())
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                });
    }

    private long count(String action, String username) {
        return jdbc.sql("select count(*) from audit.entry where action = ? and username = ?")
                .params(action, username)
                .query(Long.class)
                .single();
    }
}
