package id.peduli.access;

import static id.peduli.access.AccessTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PeduliTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The "account enabled" checkbox posted as a browser posts it: the field marker {@code _enabled} always, the box's
 * {@code enabled=true} only when ticked.
 */
@PeduliTest
class UserFormCheckboxTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    Users users;

    @Test
    void aTickedBoxCreatesAnEnabledUserAndAnEmptyOneADisabledUser() throws Exception {
        mvc.perform(newUser("centang.aktif").param("_enabled", "on").param("enabled", "true"))
                .andExpect(status().isFound());
        mvc.perform(newUser("centang.kosong").param("_enabled", "on")).andExpect(status().isFound());

        assertThat(users.findByUsername("centang.aktif").orElseThrow().enabled())
                .isTrue();
        assertThat(users.findByUsername("centang.kosong").orElseThrow().enabled())
                .isFalse();
    }

    @Test
    void untickingTheBoxOnTheUserPageDisablesTheAccountAndTickingItEnablesItAgain() throws Exception {
        mvc.perform(newUser("centang.ubah").param("_enabled", "on").param("enabled", "true"))
                .andExpect(status().isFound());
        UserView user = users.findByUsername("centang.ubah").orElseThrow();

        mvc.perform(profile(user).param("_enabled", "on")).andExpect(status().isFound());
        UserView disabled = users.get(user.id());
        assertThat(disabled.enabled()).isFalse();

        mvc.perform(profile(disabled).param("_enabled", "on").param("enabled", "true"))
                .andExpect(status().isFound());
        assertThat(users.get(user.id()).enabled()).isTrue();
    }

    private MockHttpServletRequestBuilder newUser(String username) {
        return post("/admin/users")
                .with(as(context, "admin"))
                .with(csrf())
                .param("username", username)
                .param("password", "Kotak.Centang.2026")
                .param("fullName", "Uji Kotak Centang")
                .param("locale", "id");
    }

    private MockHttpServletRequestBuilder profile(UserView user) {
        return post("/admin/users/" + user.id())
                .with(as(context, "admin"))
                .with(csrf())
                .param("fullName", user.fullName())
                .param("locale", "id")
                .param("version", String.valueOf(user.version()));
    }
}
