package id.peduli.platform;

import static id.peduli.access.AccessTestSupport.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PeduliTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A retried person registration with an Idempotency-Key creates one person, whatever the network did. */
@PeduliTest
class IdempotencyTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    private long alyatama() {
        return jdbc.sql("select id from organization.org_unit where name = 'PSAA Alyatama Jambi'")
                .query(Long.class)
                .single();
    }

    private String person(String name) {
        return """
                {"orgUnitId":%d,"fullName":"%s","sex":"F","birthDate":"1988-06-01","regionCode":"15.71.02",
                 "acceptWarnings":true}
                """.formatted(alyatama(), name);
    }

    private MockHttpServletRequestBuilder register(String key, String body) {
        MockHttpServletRequestBuilder request = bearer(post("/api/v1/people"), context, "pekerja.alyatama")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
        return key == null ? request : request.header("Idempotency-Key", key);
    }

    private long count(String name) {
        return jdbc.sql("select count(*) from registry.person where full_name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheFirstAnswerAndCreatesNothing() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = person("Ulang Sekali Saja");
        MvcResult first = mvc.perform(register(key, body))
                .andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Idempotent-Replayed"))
                .andReturn();
        MvcResult again = mvc.perform(register(key, body))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(header().string("Location", first.getResponse().getHeader("Location")))
                .andReturn();
        assertThat(again.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(first.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(count("Ulang Sekali Saja")).isEqualTo(1);
        // The kept answer holds personal data: it is stored sealed, never in clear.
        byte[] stored = jdbc.sql("select body from platform.idempotency_key where idem_key = ?")
                .param(key)
                .query(byte[].class)
                .single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Ulang Sekali Saja");
        // Without a key every request creates.
        mvc.perform(register(null, body)).andExpect(status().isCreated());
        assertThat(count("Ulang Sekali Saja")).isEqualTo(2);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() throws Exception {
        String key = UUID.randomUUID().toString();
        mvc.perform(register(key, person("Kunci Pertama Dipakai"))).andExpect(status().isCreated());
        mvc.perform(register(key, person("Kunci Kedua Ditolak")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.code").value("idempotency.keyReused"))
                .andExpect(jsonPath("$.field").value("Idempotency-Key"));
        assertThat(count("Kunci Kedua Ditolak")).isZero();
    }

    @Test
    void aFailedRequestFreesItsKeyForTheCorrectedOne() throws Exception {
        String key = UUID.randomUUID().toString();
        String incomplete = """
                {"orgUnitId":%d,"fullName":"","sex":"F"}
                """.formatted(alyatama());
        mvc.perform(register(key, incomplete)).andExpect(status().isBadRequest());
        mvc.perform(register(key, person("Dibetulkan Lalu Dikirim")))
                .andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Idempotent-Replayed"));
        assertThat(count("Dibetulkan Lalu Dikirim")).isEqualTo(1);
    }

    @Test
    void aKeyStillInUseAnswersConflictAndAnExpiredKeyIsFreeAgain() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = person("Sedang Diproses Lama");
        long userId = jdbc.sql("select id from access.user_account where username = 'pekerja.alyatama'")
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into platform.idempotency_key
                            (user_id, idem_key, request_hash, created_at, locked_until, expires_at)
                        values (?, ?, ?, now(), now() + interval '1 minute', now() + interval '1 day')
                        """)
                .params(
                        userId,
                        key,
                        IdempotencyKeys.hash("POST", "/api/v1/people", body.getBytes(StandardCharsets.UTF_8)))
                .update();
        mvc.perform(register(key, body))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("idempotency.inProgress"));
        jdbc.sql("update platform.idempotency_key set locked_until = now() - interval '1 second', "
                        + "expires_at = now() - interval '1 second' where idem_key = ?")
                .param(key)
                .update();
        mvc.perform(register(key, person("Kunci Kedaluwarsa Baru"))).andExpect(status().isCreated());
        assertThat(count("Kunci Kedaluwarsa Baru")).isEqualTo(1);
    }

    @Test
    void aMalformedKeyIsRefused() throws Exception {
        mvc.perform(register("two words", person("Kunci Berspasi")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("idempotency.keyInvalid"));
        assertThat(count("Kunci Berspasi")).isZero();
    }
}
