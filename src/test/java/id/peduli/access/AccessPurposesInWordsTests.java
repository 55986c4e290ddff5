package id.peduli.access;

import static id.peduli.access.AccessTestSupport.as;
import static id.peduli.access.AccessTestSupport.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PageText;
import id.peduli.PeduliTest;
import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The purposes the access module writes itself (a lock-out, tokens revoked) are stored as codes and read in the
 * reader's language in the audit viewer; the sentences earlier versions stored read in words too.
 */
@PeduliTest
class AccessPurposesInWordsTests {

    private static final String PASSWORD = "Rahasia.Kuat.2026";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    Users users;

    @Autowired
    AuditLog log;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aLockOutIsStoredAsACodeAndShownInWords() throws Exception {
        UserView user = users.create(
                new NewUserCommand("kunci.kata", PASSWORD, new UserCommand("Uji Kata", null, null, "id", true), false));
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin().user("kunci.kata").password("wrong-" + i))
                    .andExpect(redirectedUrl("/login?error=bad"));
        }

        assertThat(purposeOf("LOCKED", user.id())).isEqualTo("LOCKOUT:15:5");
        assertThat(entries(user.id(), "id"))
                .contains("Akun dikunci 15 menit setelah 5 kali gagal masuk")
                .doesNotContain("LOCKOUT");
        assertThat(entries(user.id(), "en")).contains("Account locked for 15 minutes after 5 failed sign-ins");
    }

    @Test
    void revokedTokensAreStoredAsACodeAndShownInWords() throws Exception {
        UserView user = users.create(new NewUserCommand(
                "token.kata", PASSWORD, new UserCommand("Uji Token", null, null, "id", true), false));
        AccessTestSupport.tokenFor(context, "token.kata", 1);

        mvc.perform(bearer(post("/api/v1/users/" + user.id() + "/password-reset"), context, "admin"))
                .andExpect(status().isOk());

        assertThat(purposeOf("TOKEN_REVOKED", user.id())).isEqualTo("TOKENS_REVOKED_PASSWORD_RESET");
        assertThat(entries(user.id(), "id"))
                .contains("Semua token API dicabut karena kata sandi diatur ulang")
                .doesNotContain("TOKENS_REVOKED");
        assertThat(entries(user.id(), "en")).contains("All API tokens revoked because the password was reset");
    }

    @Test
    void theSentencesOfEarlierVersionsAreShownInWordsToo() throws Exception {
        long subject = 737373;
        log.record(AuditRecord.of(AuditAction.LOGIN_FAILED, "User", subject)
                .actor(null, "old.purposes")
                .purpose("sign-in from this address paused: 30 failures in 15 min, 12 with unknown usernames"));
        log.record(AuditRecord.of(AuditAction.LOCKED, "User", subject)
                .actor(null, "old.purposes")
                .purpose("lockout 15 min after 5 failures"));
        log.record(AuditRecord.of(AuditAction.TOKEN_REVOKED, "User", subject)
                .actor(null, "old.purposes")
                .purpose("all API tokens revoked: grant removed"));

        assertThat(entries(subject, "id"))
                .contains("Masuk dari alamat ini dijeda: 30 kali gagal dalam 15 menit, 12 di antaranya dengan nama"
                        + " pengguna yang tidak dikenal")
                .contains("Akun dikunci 15 menit setelah 5 kali gagal masuk")
                .contains("Semua token API dicabut karena sebuah hak akses dihapus")
                .doesNotContain("lockout", "paused", "revoked");
        assertThat(entries(subject, "en"))
                .contains("Sign-in from this address paused: 30 failures in 15 minutes, 12 of them with unknown"
                        + " usernames")
                .contains("All API tokens revoked because a grant was removed");
    }

    private String purposeOf(String action, long userId) {
        return jdbc.sql("select purpose from audit.entry where action = ? and subject_type = 'User'"
                        + " and subject_id = ? order by id desc limit 1")
                .params(action, String.valueOf(userId))
                .query(String.class)
                .single();
    }

    private String entries(long userId, String lang) throws Exception {
        String html = mvc.perform(get("/audit?subjectType=User&subjectId=" + userId)
                        .with(as(context, "auditor"))
                        .cookie(new Cookie("peduli_lang", lang)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return PageText.text(PageText.element(html, "auditTable"));
    }
}
