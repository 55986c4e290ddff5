package id.peduli.indicator;

import static id.peduli.access.AccessTestSupport.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PeduliTest;
import id.peduli.organization.Organizations;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@PeduliTest
class IndicatorTests {

    static final YearMonth FROM = YearMonth.of(2020, 1);
    static final YearMonth TO = YearMonth.of(2029, 12);

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    Indicators indicators;

    @Autowired
    Organizations organizations;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theRegistryCountsPeopleRegisteredPerUnitAndMonth() throws Exception {
        long alyatama = unit("PSAA Alyatama Jambi");
        registerIn(alyatama, "Indikator Satu");
        registerIn(alyatama, "Indikator Dua");
        signIn("pekerja.alyatama");
        try {
            long expected = jdbc.sql(
                            "select count(*) from registry.person where org_unit_id = ? and merged_into is null")
                    .param(alyatama)
                    .query(Long.class)
                    .single();
            List<IndicatorValue> values = indicators.values("PEOPLE_REGISTERED", Set.of(alyatama), FROM, TO);
            assertThat(values).allSatisfy(v -> {
                assertThat(v.unitId()).isEqualTo(alyatama);
                assertThat(v.code()).isEqualTo("PEOPLE_REGISTERED");
                assertThat(v.asOf()).isNotNull();
            });
            assertThat(expected).isPositive();
            assertThat(values.stream().map(IndicatorValue::value).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo(BigDecimal.valueOf(expected));
            assertThat(indicators.definitions())
                    .extracting(IndicatorDefinition::code)
                    .contains("PEOPLE_REGISTERED");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void theApiAnswersForTheCallersUnitsOnlyAndAUnitOutsideThemLikeAMissingOne() throws Exception {
        long alyatama = unit("PSAA Alyatama Jambi");
        registerIn(alyatama, "Indikator Tiga");
        long kartini = unit("BBRSBG Kartini Temanggung");
        mvc.perform(bearer(get("/api/v1/indicators"), context, "pekerja.alyatama"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", Matchers.hasItem("PEOPLE_REGISTERED")));
        mvc.perform(bearer(values(alyatama), context, "pekerja.alyatama"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].unitId").value((int) alyatama));
        String outside = mvc.perform(bearer(values(kartini), context, "pekerja.alyatama"))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String missing = mvc.perform(bearer(values(999_999_999L), context, "pekerja.alyatama"))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(normalized(outside, kartini)).isEqualTo(normalized(missing, 999_999_999L));
        mvc.perform(bearer(
                        get("/api/v1/indicators/NO_SUCH_THING/values").param("unit", String.valueOf(alyatama)),
                        context,
                        "pekerja.alyatama"))
                .andExpect(status().isNotFound());
        mvc.perform(bearer(values(alyatama).param("to", "2019-01"), context, "pekerja.alyatama"))
                .andExpect(status().is4xxClientError())
                .andExpect(status().is(Matchers.not(404)));
        mvc.perform(bearer(values(alyatama), context, "verifikator.jateng")).andExpect(status().isForbidden());
        mvc.perform(bearer(get("/api/v1/indicators"), context, "verifikator.jateng"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", Matchers.not(Matchers.hasItem("PEOPLE_REGISTERED"))));
    }

    @Test
    void manyUnitsAreCheckedTogetherAndOneOutsideRefusesTheWholeRequest() throws Exception {
        long alyatama = unit("PSAA Alyatama Jambi");
        long kartini = unit("BBRSBG Kartini Temanggung");
        List<Long> kartiniSites = organizations.tree().stream()
                .filter(u -> kartini == (u.parentId() == null ? -1 : u.parentId()))
                .map(u -> u.id())
                .toList();
        assertThat(kartiniSites).hasSizeGreaterThan(1);
        MockHttpServletRequestBuilder all = get("/api/v1/indicators/PEOPLE_REGISTERED/values")
                .param("from", FROM.toString())
                .param("to", TO.toString())
                .param("unit", String.valueOf(kartini));
        kartiniSites.forEach(site -> all.param("unit", String.valueOf(site)));
        // the centre's manager: the centre and every site below it
        mvc.perform(bearer(all, context, "manajer.kartini")).andExpect(status().isOk());
        // one unit of another centre among them: 404 for that unit, nothing answered for the others
        all.param("unit", String.valueOf(alyatama));
        String refused = mvc.perform(bearer(all, context, "manajer.kartini"))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused.replaceAll("(\\d)[.,](\\d)", "$1$2")).contains("#" + alyatama);
        // a national grant covers every unit that exists, and still not one that does not
        signIn("admin");
        try {
            assertThat(organizations.tree()).isNotEmpty();
            assertThat(context.getBean(id.peduli.access.Access.class)
                            .covered(List.of(kartini, alyatama, 999_999_999L), "SYSTEM_ADMIN"))
                    .containsExactlyInAnyOrder(kartini, alyatama);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** The problem body with the unit number the caller sent (in any formatting) written as N. */
    private static String normalized(String body, long unit) {
        return body.replaceAll("\"instance\":\"[^\"]*\"", "")
                .replace(String.valueOf(unit), "N")
                .replaceAll("#[0-9.,]+", "#N");
    }

    private static MockHttpServletRequestBuilder values(long unit) {
        return get("/api/v1/indicators/PEOPLE_REGISTERED/values")
                .param("unit", String.valueOf(unit))
                .param("from", FROM.toString())
                .param("to", TO.toString());
    }

    private void registerIn(long unit, String name) throws Exception {
        mvc.perform(bearer(
                                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                        "/api/v1/people"),
                                context,
                                "pekerja.alyatama")
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("""
                                {"orgUnitId":%d,"fullName":"%s","sex":"F","birthDate":"1990-02-03",
                                 "regionCode":"15.71.02","acceptWarnings":true}
                                """.formatted(unit, name)))
                .andExpect(status().isCreated());
    }

    private long unit(String name) {
        return organizations.tree().stream()
                .filter(u -> u.name().equals(name))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private void signIn(String username) {
        UserDetails user = context.getBean(UserDetailsService.class).loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }
}
