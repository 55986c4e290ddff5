package id.peduli.platform;

import static id.peduli.access.AccessTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PageText;
import id.peduli.PeduliTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The main menu shows the counts modules give through {@link NavBadgeSource} on every page, with words for screen
 * readers: the competition's unread messages beside its inbox.
 */
@PeduliTest
class NavBadgeTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aUserWithUnreadMessagesSeesTheirNumberBesideTheInboxOnAnyPage() throws Exception {
        long operator = userId("operator.temanggung");
        jdbc.sql("update innovation.notification set read_at = now() where recipient_id = ? and read_at is null")
                .param(operator)
                .update();
        for (int i = 0; i < 3; i++) {
            jdbc.sql("insert into innovation.notification (recipient_id, message_key, title) values (?, ?, ?)")
                    .params(operator, "innovation.notify.returned", "Menu count probe " + i)
                    .update();
        }

        for (String page : new String[] {"/", "/account", "/about"}) {
            String inbox = inboxLink(page, "operator.temanggung", "id");
            assertThat(PageText.text(inbox)).as(page).contains("3").contains("(3 belum dibaca)");
            assertThat(inbox).contains("<span aria-hidden=\"true\">3</span>");
        }
        assertThat(PageText.text(inboxLink("/account", "operator.temanggung", "en")))
                .contains("(3 unread)");

        jdbc.sql("update innovation.notification set read_at = now() where recipient_id = ?")
                .param(operator)
                .update();
        assertThat(inboxLink("/", "operator.temanggung", "id")).doesNotContain("badge");
    }

    @Test
    void aUserOutsideTheCompetitionHasNoBadge() throws Exception {
        String html = page("/", "pekerja.alyatama", "id");
        assertThat(html).doesNotContain("/innovation/inbox").doesNotContain("pd-nav-badge");
    }

    private String inboxLink(String url, String username, String lang) throws Exception {
        String html = page(url, username, lang);
        int at = html.indexOf("href=\"/innovation/inbox\"");
        assertThat(at).as("the inbox in the menu of " + url).isPositive();
        return html.substring(html.lastIndexOf("<a", at), html.indexOf("</a>", at) + 4);
    }

    private String page(String url, String username, String lang) throws Exception {
        return mvc.perform(get(url).with(as(context, username)).cookie(new Cookie("peduli_lang", lang)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private long userId(String username) {
        return jdbc.sql("select id from access.user_account where username = ?")
                .param(username)
                .query(Long.class)
                .single();
    }
}
