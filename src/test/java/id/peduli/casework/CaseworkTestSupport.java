package id.peduli.casework;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import id.peduli.access.AccessTestSupport;
import id.peduli.organization.Organizations;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Test data for the case core: people and consents made through the registry's API, as a real user would. */
final class CaseworkTestSupport {

    static final String KARTINI_MANAGER = "manajer.kartini";
    static final String TEMANGGUNG_MENTOR = "pendamping.temanggung";
    static final String ALYATAMA_WORKER = "pekerja.alyatama";
    private static final AtomicInteger SERIAL = new AtomicInteger();

    private final MockMvc mvc;
    private final ApplicationContext context;

    CaseworkTestSupport(MockMvc mvc, ApplicationContext context) {
        this.mvc = mvc;
        this.context = context;
    }

    static void signIn(ApplicationContext context, String username) {
        UserDetails details = context.getBean(UserDetailsService.class).loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
    }

    static void signOut() {
        SecurityContextHolder.clearContext();
    }

    long unit(String name) {
        return context.getBean(Organizations.class).tree().stream()
                .filter(u -> u.name().equals(name))
                .findFirst()
                .orElseThrow()
                .id();
    }

    /** An adult registered at the unit by {@code writer}. */
    long person(String writer, long unitId) throws Exception {
        return person(writer, unitId, false);
    }

    /** An adult registered at the unit, with an intellectual disability when {@code intellectual}. */
    long person(String writer, long unitId, boolean intellectual) throws Exception {
        String json = "{\"orgUnitId\":" + unitId + ",\"fullName\":\"Peserta Kasus " + SERIAL.incrementAndGet()
                + "\",\"sex\":\"M\",\"birthYear\":1995,\"acceptWarnings\":true"
                + (intellectual ? ",\"disabilityTypes\":[\"INTELLECTUAL\"]" : "") + "}";
        return id(api(writer, "/api/v1/people", json, 201));
    }

    /** Records a lawful basis other than consent (public task) for the purpose. */
    void publicTask(String writer, long personId, String purpose) throws Exception {
        api(
                writer,
                "/api/v1/people/" + personId + "/consents",
                "{\"purpose\":\"" + purpose + "\",\"basis\":\"PUBLIC_TASK\",\"noticeVersion\":\"v1\","
                        + "\"givenOn\":\"2026-01-05\"}",
                201);
    }

    /** Records a consent given by {@code givenBy}; answers the HTTP status. */
    int consent(String writer, long personId, String purpose, String givenBy) throws Exception {
        return mvc.perform(AccessTestSupport.bearer(
                        post("/api/v1/people/" + personId + "/consents")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"purpose\":\"" + purpose + "\",\"basis\":\"CONSENT\",\"givenBy\":\""
                                        + givenBy + "\",\"method\":\"THUMBPRINT\",\"noticeVersion\":\"v1\","
                                        + "\"givenOn\":\"2026-01-05\"}"),
                        context,
                        writer))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    MvcResult api(String username, String path, String json, int expected) throws Exception {
        MvcResult result = mvc.perform(AccessTestSupport.bearer(
                        post(path).contentType(MediaType.APPLICATION_JSON).content(json), context, username))
                .andReturn();
        if (result.getResponse().getStatus() != expected) {
            throw new IllegalStateException(
                    path + " answered " + result.getResponse().getStatus() + ": "
                            + result.getResponse().getContentAsString());
        }
        return result;
    }

    static long id(MvcResult result) throws Exception {
        return ((Number) JsonPath.read(result.getResponse().getContentAsString(), "$.id")).longValue();
    }
}
