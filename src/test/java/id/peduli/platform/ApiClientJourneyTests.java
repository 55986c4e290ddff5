package id.peduli.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import id.peduli.PeduliTest;
import id.peduli.Today;
import id.peduli.access.AccessTestSupport;
import id.peduli.apiclient.ApiClient;
import id.peduli.apiclient.ApiException;
import id.peduli.apiclient.api.PeopleImportApi;
import id.peduli.apiclient.api.PeopleRegistryApi;
import id.peduli.apiclient.api.PeopleSearchApi;
import id.peduli.apiclient.model.ConsentCommand;
import id.peduli.apiclient.model.ConsentView;
import id.peduli.apiclient.model.ImportJob;
import id.peduli.apiclient.model.ImportValidateRequest;
import id.peduli.apiclient.model.PageResultPersonSummary;
import id.peduli.apiclient.model.PersonCommand;
import id.peduli.apiclient.model.PersonSummary;
import id.peduli.apiclient.model.PersonView;
import id.peduli.apiclient.model.Problem;
import id.peduli.apiclient.model.ProblemField;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A Java client generated from the committed {@code docs/openapi.json} drives the running application over HTTP with
 * a personal access token. When an endpoint changes shape without its document, this journey breaks.
 */
@PeduliTest
class ApiClientJourneyTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path files;

    private ApiClient client(String username) {
        String token = AccessTestSupport.tokenFor(context, username, 1);
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        client.setRequestInterceptor(
                request -> request.header("Authorization", "Bearer " + token).header("Accept-Language", "en"));
        return client;
    }

    private long alyatama() {
        return jdbc.sql("select id from organization.org_unit where name = 'PSAA Alyatama Jambi'")
                .query(Long.class)
                .single();
    }

    private static Problem problem(ApiClient client, ApiException e) throws Exception {
        assertThat(e.getResponseHeaders().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        Problem problem = client.getObjectMapper().readValue(e.getResponseBody(), Problem.class);
        assertThat(problem.getStatus()).isEqualTo(e.getCode());
        return problem;
    }

    @Test
    void aSocialWorkerRegistersFindsRecordsConsentAndImportsThroughTheGeneratedClient() throws Exception {
        ApiClient worker = client("pekerja.alyatama");
        PeopleRegistryApi registry = new PeopleRegistryApi(worker);

        // Register a person, safely retried with an idempotency key.
        PersonCommand command = new PersonCommand()
                .orgUnitId(alyatama())
                .fullName("Wulandari Kusumaningtyas Klien")
                .sex(PersonCommand.SexEnum.F)
                .birthDate(LocalDate.of(1994, 7, 21))
                .regionCode("15.71.02")
                .acceptWarnings(true);
        String key = UUID.randomUUID().toString();
        PersonView person = registry.personRegister(command, key);
        assertThat(person.getId()).isNotNull();
        assertThat(person.getFullName()).isEqualTo("Wulandari Kusumaningtyas Klien");
        assertThat(registry.personRegister(command, key).getId()).isEqualTo(person.getId());

        // Find them with a typo.
        PageResultPersonSummary found = new PeopleSearchApi(worker)
                .personSearchSearch("Wulandary Kusumaningtias Klien", null, null, null, null, null, 0, 20);
        assertThat(found.getItems()).extracting(PersonSummary::getId).contains(person.getId());
        assertThat(found.getTotalExact()).isNotNull();

        // Record consent.
        ConsentView consent = registry.personRecordConsent(
                person.getId(),
                new ConsentCommand()
                        .purpose("SERVICE_DELIVERY")
                        .basis(ConsentCommand.BasisEnum.CONSENT)
                        .givenBy(ConsentCommand.GivenByEnum.PERSON)
                        .method(ConsentCommand.MethodEnum.SIGNATURE)
                        .noticeVersion("2026-01")
                        .givenOn(Today.date()));
        assertThat(consent.getId()).isNotNull();
        assertThat(registry.personConsents(person.getId(), "SERVICE_DELIVERY"))
                .extracting(ConsentView::getPurpose)
                .contains("SERVICE_DELIVERY");

        // Upload and validate an import.
        File csv = files.resolve("klien.csv").toFile();
        Files.writeString(
                csv.toPath(),
                "external_id,full_name,sex,birth_date,birth_year,nik,region_code,household_key,"
                        + "relationship_to_head,kk_number,kk_valid_from,guardian_external_id,guardian_relationship\n"
                        + "klien-" + UUID.randomUUID() + ",Bagas Pratama Klien,L,1990-02-15,,,15.71.01.1001,,,,,,\n",
                StandardCharsets.UTF_8);
        PeopleImportApi imports = new PeopleImportApi(worker);
        ImportJob uploaded = imports.importUpload(alyatama(), null, csv);
        assertThat(uploaded.getTotalRows()).isEqualTo(1);
        imports.importValidate(uploaded.getId(), new ImportValidateRequest());
        ImportJob validated = imports.importGet(uploaded.getId());
        for (int i = 0; i < 2400 && Boolean.TRUE.equals(validated.getRunning()); i++) {
            Thread.sleep(50);
            validated = imports.importGet(uploaded.getId());
        }
        assertThat(validated.getRunning()).isFalse();
        assertThat(validated.getValidRows()).isEqualTo(1);
        assertThat(validated.getErrorRows()).isZero();
    }

    @Test
    void refusalsArriveAsTypedProblems() throws Exception {
        ApiClient worker = client("pekerja.alyatama");
        PersonView person = new PeopleRegistryApi(worker)
                .personRegister(
                        new PersonCommand()
                                .orgUnitId(alyatama())
                                .fullName("Tertutup Bagi Temanggung")
                                .sex(PersonCommand.SexEnum.M)
                                .birthYear(1980)
                                .regionCode("15.71.02")
                                .acceptWarnings(true),
                        null);

        // Someone of another unit may not read the person.
        ApiClient mentor = client("pendamping.temanggung");
        ApiException refused = catchThrowableOfType(
                ApiException.class, () -> new PeopleRegistryApi(mentor).personGet(person.getId(), null));
        Problem problem = problem(mentor, refused);
        // Outside the caller's units the person answers exactly like a missing one.
        assertThat(refused.getCode()).isEqualTo(404);
        assertThat(problem.getCode()).isEqualTo("person.notFound");
        assertThat(problem.getDetail()).doesNotContain("Tertutup");

        // A missing person.
        ApiException missing = catchThrowableOfType(
                ApiException.class, () -> new PeopleRegistryApi(worker).personGet(Long.MAX_VALUE, null));
        assertThat(missing.getCode()).isEqualTo(404);
        assertThat(problem(worker, missing).getCode()).isEqualTo("person.notFound");

        // Invalid fields, each with its code.
        ApiException invalid = catchThrowableOfType(
                ApiException.class,
                () -> new PeopleRegistryApi(worker)
                        .personRegister(
                                new PersonCommand().orgUnitId(alyatama()).fullName(""), null));
        Problem validation = problem(worker, invalid);
        assertThat(validation.getCode()).isEqualTo("error.validation");
        assertThat(validation.getErrors())
                .extracting(ProblemField::getField, ProblemField::getCode)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("fullName", "validation.required"),
                        org.assertj.core.groups.Tuple.tuple("sex", "validation.required"));

        // A token that does not exist.
        ApiClient stranger = new ApiClient();
        stranger.updateBaseUri("http://localhost:" + port);
        stranger.setRequestInterceptor(request -> request.header("Authorization", "Bearer pdl_unknown"));
        ApiException unauthorized = catchThrowableOfType(
                ApiException.class, () -> new PeopleRegistryApi(stranger).personGet(person.getId(), null));
        assertThat(unauthorized.getCode()).isEqualTo(401);
        assertThat(problem(stranger, unauthorized).getCode()).isEqualTo("token.invalid");
    }
}
