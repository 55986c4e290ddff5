package id.peduli.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PeduliTest;
import jakarta.servlet.http.Cookie;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@PeduliTest
class SignInTests {

    static final String DEMO_PASSWORD = "Peduli.Demo.2026";

    @Autowired
    MockMvc mvc;

    @Autowired
    Users users;

    @Autowired
    JdbcClient jdbc;

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
                .andExpect(content().string(Matchers.containsString("Nama pengguna atau kata sandi salah.")));
        mvc.perform(get("/login").param("error", "bad").cookie(new Cookie("peduli_lang", "en")))
                .andExpect(content().string(Matchers.containsString("Wrong username or password.")));
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
        mvc.perform(formLogin().user("kunci.test").password("Rahasia.Kuat.2026"))
                .andExpect(redirectedUrl("/login?error=locked"));
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
                .andExpect(redirectedUrl("/login?error=disabled"));
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

    private long count(String action, String username) {
        return jdbc.sql("select count(*) from audit.entry where action = ? and username = ?")
                .params(action, username)
                .query(Long.class)
                .single();
    }
}
