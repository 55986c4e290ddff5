package id.peduli.innovation.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PeduliTest;
import id.peduli.innovation.InnovationTestSupport;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Filing an objection through the public API, without signing in: the same service as the public page, so the same
 * checks, the same hourly limit per address over page and API together, the same audit of refusals.
 */
@PeduliTest
class PublicObjectionApiTests {

    private static final String TEXT = "Inovasi ini sudah berhenti berjalan sejak tahun lalu menurut warga sekitar.";

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anObjectionIsAcceptedWithoutSignInAndStoredOnce() throws Exception {
        long proposal = InnovationTestSupport.openObjectionWindow(context, 2041);
        mvc.perform(get("/api/v1/public/innovation/objection-window"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.proposalId == " + proposal + ")].title")
                        .value(Matchers.hasItem("Inovasi Masa Sanggah 2041")))
                .andExpect(jsonPath("$[?(@.proposalId == " + proposal + ")].closesAt")
                        .value(Matchers.hasSize(1)));
        long before = objections(proposal);

        mvc.perform(api(proposal, "198.51.100.1", "Warga Peduli", "warga@example.com", TEXT))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.proposalId").value(proposal))
                .andExpect(jsonPath("$.received").value(true));

        assertThat(objections(proposal)).isEqualTo(before + 1);
        // only these two paths are open: the panel's list of objections still needs a token
        mvc.perform(get("/api/v1/innovation/periods/" + periodOf(proposal) + "/objections"))
                .andExpect(status().isUnauthorized());
        long id = jdbc.sql("select id from innovation.objection where proposal_id = ? and client_address = ?")
                .params(proposal, "198.51.100.1")
                .query(Long.class)
                .single();
        assertThat(jdbc.sql("select name || '|' || contact || '|' || text from innovation.objection where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("Warga Peduli|warga@example.com|" + TEXT);
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'OBJECTION' and subject_type = "
                                + "'Objection' and subject_id = ?")
                        .param(String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theHourlyLimitCountsPageAndApiTogetherAndIsTranslated() throws Exception {
        long proposal = InnovationTestSupport.openObjectionWindow(context, 2041);
        String address = "198.51.100.2";
        for (int i = 0; i < 3; i++) {
            mvc.perform(page(proposal, address)).andExpect(status().isOk());
        }
        for (int i = 0; i < 2; i++) {
            mvc.perform(api(proposal, address, "Warga Peduli", "warga@example.com", TEXT))
                    .andExpect(status().isCreated());
        }
        long before = objections(proposal);
        long refusalsBefore = refusals(proposal);

        mvc.perform(api(proposal, address, "Warga Peduli", "warga@example.com", TEXT))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.code").value("innovation.objection.tooMany"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("Terlalu banyak sanggahan")));
        mvc.perform(api(proposal, address, "Warga Peduli", "warga@example.com", TEXT)
                        .header("Accept-Language", "en"))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("Too many objections")));
        // the page refuses the same address as well
        mvc.perform(page(proposal, address)).andExpect(status().isTooManyRequests());

        assertThat(objections(proposal)).isEqualTo(before);
        assertThat(refusals(proposal)).isEqualTo(refusalsBefore + 3);
        // another address is not affected
        mvc.perform(api(proposal, "198.51.100.3", "Warga Lain", "0812345678", TEXT))
                .andExpect(status().isCreated());
    }

    @Test
    void aClosedWindowAndAnUnknownProposalAnswerTheSame404() throws Exception {
        long closed = InnovationTestSupport.openObjectionWindow(context, 2042);
        jdbc.sql("update innovation.period set objection_opens_at = now() - interval '60 days' where id = "
                        + "(select period_id from innovation.proposal where id = ?)")
                .param(closed)
                .update();
        long before = objections(closed);
        for (long proposal : new long[] {closed, 987654321L}) {
            mvc.perform(api(proposal, "198.51.100.4", "Warga Peduli", "warga@example.com", TEXT))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("innovation.objection.closed"))
                    .andExpect(jsonPath("$.detail").value("Inovasi ini tidak sedang dalam masa sanggah."));
        }
        assertThat(objections(closed)).isEqualTo(before);
        mvc.perform(get("/api/v1/public/innovation/objection-window"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.proposalId == " + closed + ")]").isEmpty());
    }

    @Test
    void invalidFieldsAreNamedInTheRequestLanguageAndNothingIsStored() throws Exception {
        long proposal = InnovationTestSupport.openObjectionWindow(context, 2041);
        long before = objections(proposal);
        mvc.perform(post("/api/v1/public/innovation/objections")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Warga\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("proposalId"));
        mvc.perform(api(proposal, "198.51.100.5", " ", "warga@example.com", TEXT))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("name"));
        mvc.perform(api(proposal, "198.51.100.5", "Warga", "", TEXT))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("contact"));
        mvc.perform(api(proposal, "198.51.100.5", "Warga", "warga@example.com", "Terlalu pendek."))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("text"))
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("Isi sanggahan harus 20 sampai")));
        mvc.perform(api(proposal, "198.51.100.5", "Warga", "warga@example.com", "Terlalu pendek.")
                        .header("Accept-Language", "en"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("text"))
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("An objection has 20 to")));
        assertThat(objections(proposal)).isEqualTo(before);
    }

    private static MockHttpServletRequestBuilder api(
            long proposal, String address, String name, String contact, String text) {
        return post("/api/v1/public/innovation/objections")
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                })
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"proposalId": %d, "name": "%s", "contact": "%s", "text": "%s"}
                        """.formatted(proposal, name, contact, text));
    }

    private static MockHttpServletRequestBuilder page(long proposal, String address) {
        return post("/public/innovation/objections")
                .with(csrf())
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                })
                .param("proposalId", String.valueOf(proposal))
                .param("name", "Warga Peduli")
                .param("contact", "warga@example.com")
                .param("text", TEXT);
    }

    private long objections(long proposal) {
        return jdbc.sql("select count(*) from innovation.objection where proposal_id = ?")
                .param(proposal)
                .query(Long.class)
                .single();
    }

    private long periodOf(long proposal) {
        return jdbc.sql("select period_id from innovation.proposal where id = ?")
                .param(proposal)
                .query(Long.class)
                .single();
    }

    private long refusals(long proposal) {
        return jdbc.sql("select count(*) from audit.entry where action = 'INNOVATION_REFUSED' and subject_type = "
                        + "'Proposal' and subject_id = ? and changes::text like '%innovation.objection.tooMany%'")
                .param(String.valueOf(proposal))
                .query(Long.class)
                .single();
    }
}
