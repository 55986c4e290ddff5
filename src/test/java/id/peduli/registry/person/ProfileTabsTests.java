package id.peduli.registry.person;

import static id.peduli.access.AccessTestSupport.as;
import static id.peduli.registry.RegistryTestSupport.aPerson;
import static id.peduli.registry.RegistryTestSupport.signIn;
import static id.peduli.registry.RegistryTestSupport.signOut;
import static id.peduli.registry.RegistryTestSupport.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PeduliTest;
import id.peduli.access.Access;
import id.peduli.registry.ProfileTab;
import java.util.Arrays;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@PeduliTest
class ProfileTabsTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    People people;

    @Test
    void theProfileListsTheTabsOfEveryModuleAndLoadsAContributedOneWithHtmx() throws Exception {
        long id = registered("Tab Program");
        MvcResult page = mvc.perform(
                        get("/people/" + id).param("tab", "programmes").with(as(context, "pekerja.alyatama")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(Matchers.containsString(
                                "hx-get=\"/people/" + id + "/programmes\" hx-trigger=\"load\"")))
                .andReturn();
        String html = page.getResponse().getContentAsString();
        assertThat(html)
                .containsSubsequence(
                        "?tab=details", "?tab=household", "?tab=consent", "?tab=programmes", "?tab=history")
                .containsSubsequence(">Rincian<", ">Keluarga<", ">Persetujuan<", ">Program<", ">Riwayat<");
        assertThat(html.replaceAll("<script src=\"[^\"]*\"[^>]*></script>", "")).doesNotContain("<script");

        mvc.perform(get("/people/" + id + "/programmes").with(as(context, "pekerja.alyatama")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("belum terdaftar dalam program mana pun")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("<html"))));
    }

    @Test
    void anUnknownTabShowsTheDetailsAndTheFragmentOfAPersonOutsideTheUnitsIsNotFound() throws Exception {
        long id = registered("Tab Lain");
        mvc.perform(get("/people/" + id).param("tab", "payouts").with(as(context, "pekerja.alyatama")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"identityTitle\"")));
        String outside = mvc.perform(get("/people/" + id + "/programmes").with(as(context, "manajer.kartini")))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String missing = mvc.perform(get("/people/999999999/programmes").with(as(context, "manajer.kartini")))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(message(outside)).isEqualTo(message(missing)).contains("#N");
        assertThat(outside).doesNotContain("Tab Lain");
    }

    @Test
    void aModuleTabIsShownInItsOrderOnlyToTheRolesItNamesAndAKeyUsedTwiceStopsTheStart() {
        ProfileTab payouts = tab("payouts", 400, "LOGISTICS_OFFICER");
        ProfileTab growth = tab("growth", 50, "SOCIAL_WORKER");
        Access access = mock(Access.class);
        when(access.covers(any(), any(String[].class))).thenAnswer(call -> {
            Object[] arguments = call.getArguments();
            return Arrays.asList(arguments).subList(1, arguments.length).stream()
                    .flatMap(a -> a instanceof String[] roles ? Arrays.stream(roles) : java.util.stream.Stream.of(a))
                    .anyMatch("SOCIAL_WORKER"::equals);
        });
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        RegistryProfileTabs registry = new RegistryProfileTabs();
        beans.addBean("details", registry.detailsTab());
        beans.addBean("history", registry.historyTab());
        beans.addBean("payouts", payouts);
        beans.addBean("growth", growth);

        List<ProfileTab.Shown> shown = new ProfileTabs(beans.getBeanProvider(ProfileTab.class), access).visible(7, 3L);

        assertThat(shown).extracting(ProfileTab.Shown::key).containsExactly("growth", "details", "history");
        assertThat(shown.get(0).fragmentUrl()).isEqualTo("/people/7/growth");
        assertThat(shown.get(1).fragmentUrl()).isNull();

        beans.addBean("again", tab("growth", 60, "DPO"));
        assertThatThrownBy(() -> new ProfileTabs(beans.getBeanProvider(ProfileTab.class), access))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("growth");
    }

    /** The error page's message with the number the caller sent written as N. */
    private static String message(String html) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("id=\"errorMessage\">([^<]*)<").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1).replaceAll("#[0-9.,]+", "#N");
    }

    private long registered(String name) {
        signIn(context, "pekerja.alyatama");
        try {
            return people.register(aPerson(unit(context, "PSAA Alyatama Jambi"))
                            .named(name)
                            .build())
                    .id();
        } finally {
            signOut();
        }
    }

    private static ProfileTab tab(String key, int order, String... roles) {
        return new ProfileTab() {
            @Override
            public String key() {
                return key;
            }

            @Override
            public String labelKey() {
                return "tab." + key;
            }

            @Override
            public int order() {
                return order;
            }

            @Override
            public String[] roles() {
                return roles;
            }

            @Override
            public String fragmentUrl(long personId) {
                return "/people/" + personId + "/" + key;
            }
        };
    }
}
