package id.peduli.registry.search;

import static id.peduli.access.AccessTestSupport.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PeduliTest;
import id.peduli.access.NewUserCommand;
import id.peduli.access.Role;
import id.peduli.access.UserCommand;
import id.peduli.access.Users;
import id.peduli.organization.OrgUnit;
import id.peduli.organization.OrgUnitCommand;
import id.peduli.organization.OrgUnitType;
import id.peduli.organization.Organizations;
import id.peduli.registry.RegistryTestSupport;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A mentor of a site where nobody is registered yet opens the people page: it says so, instead of "nobody matches
 * this search", which only a search that was typed can be told.
 */
@PeduliTest
class EmptyUnitSearchTests {

    private static final String MENTOR = "pendamping.lokasi.baru";

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void aMentorOfANewSite() {
        Users users = context.getBean(Users.class);
        if (users.findByUsername(MENTOR).isPresent()) {
            return;
        }
        Organizations organizations = context.getBean(Organizations.class);
        long centre = RegistryTestSupport.unit(context, "BBRSBG Kartini Temanggung");
        RegistryTestSupport.signIn(context, "admin");
        try {
            long site = organizations.tree().stream()
                    .filter(u -> u.name().equals("SW Lokasi Baru Kosong"))
                    .map(OrgUnit::id)
                    .findFirst()
                    .orElseGet(() -> organizations
                            .create(new OrgUnitCommand(
                                    centre,
                                    "SW Lokasi Baru Kosong",
                                    null,
                                    OrgUnitType.SITE,
                                    "33.23",
                                    null,
                                    true,
                                    false))
                            .id());
            users.create(
                    new NewUserCommand(
                            MENTOR,
                            "Rahasia-Pendamping-2026",
                            new UserCommand("Pendamping Lokasi Baru", MENTOR + "@peduli.id", null, "id", true),
                            false),
                    Role.SITE_MENTOR,
                    site);
        } finally {
            RegistryTestSupport.signOut();
        }
    }

    @Test
    void anEmptySiteSaysNobodyIsRegisteredYetAndATypedSearchStillSaysNobodyMatches() throws Exception {
        mvc.perform(get("/people").with(as(context, MENTOR)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(Matchers.containsString("Belum ada orang yang terdaftar di unit atau lokasi Anda")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("cocok dengan pencarian"))));
        mvc.perform(post("/people/search")
                        .with(as(context, MENTOR))
                        .with(csrf())
                        .param("q", "Sri Wahyuningsih"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("cocok dengan pencarian")));
    }
}
