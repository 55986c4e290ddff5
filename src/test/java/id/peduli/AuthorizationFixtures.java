package id.peduli;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import id.peduli.access.AccessTestSupport;
import id.peduli.access.NewUserCommand;
import id.peduli.access.Role;
import id.peduli.access.UserCommand;
import id.peduli.access.UserView;
import id.peduli.access.Users;
import id.peduli.organization.OrgUnit;
import id.peduli.organization.OrgUnitCommand;
import id.peduli.organization.OrgUnitType;
import id.peduli.organization.Organizations;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import javax.imageio.ImageIO;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The objects the authorization matrix calls endpoints with: for each kind one on the Kartini side (BBRSBG Kartini
 * Temanggung and below) and one on the Alyatama side (PSAA Alyatama Jambi), created through the application itself,
 * plus unit-level administrator, DPO and auditor accounts of Kartini.
 */
final class AuthorizationFixtures {

    static final String UNIT_ADMIN = "matriks.admin.kartini";
    static final String UNIT_DPO = "matriks.dpo.kartini";
    static final String UNIT_AUDITOR = "matriks.auditor.kartini";
    /** A social worker who started an import at Alyatama and has since moved to Kartini. */
    static final String MOVED_WORKER = "matriks.pekerja.pindah";

    static final String USER_KARTINI = "matriks.user.kartini";
    static final String USER_ALYATAMA = "matriks.user.alyatama";
    private static final String PASSWORD = "Matriks.Otorisasi.2026";
    private static final String KARTINI_WRITER = "manajer.kartini";
    private static final String ALYATAMA_WRITER = "pekerja.alyatama";

    private final MockMvc mvc;
    private final ApplicationContext context;
    private final Organizations organizations;
    private final Users users;
    private final JdbcClient jdbc;
    private final Map<String, Boolean> within = new HashMap<>();
    private final Map<String, String> tokens = new HashMap<>();
    private final AtomicInteger serial = new AtomicInteger();

    private Side kartini;
    private Side alyatama;
    private final Map<String, Map<String, String>> casework = new HashMap<>();
    private String otherToken;
    private long movedJob;
    private long alyatamaUnit;
    private id.peduli.workshop.WorkshopFixtures.Objects workshopKartini;
    private id.peduli.workshop.WorkshopFixtures.Objects workshopAlyatama;
    private id.peduli.workshop.goods.GoodsFixtures.Objects goodsKartini;
    private id.peduli.workshop.goods.GoodsFixtures.Objects goodsAlyatama;
    private InnovationFixtures innovation;

    AuthorizationFixtures(MockMvc mvc, ApplicationContext context) {
        this.mvc = mvc;
        this.context = context;
        this.organizations = context.getBean(Organizations.class);
        this.users = context.getBean(Users.class);
        this.jdbc = context.getBean(JdbcClient.class);
    }

    /** The objects of one side: the unit they belong to and the ids the paths need. */
    private record Side(
            String name,
            String writer,
            long technicalUnit,
            long personUnit,
            long person,
            long otherPerson,
            long member,
            long household,
            long consent,
            long importJob,
            long user,
            long unit) {}

    /**
     * One object a row is called with. {@code vars} fills the path; {@code fresh}, when set, makes new vars for each
     * call that is expected to succeed (for calls that use the object up, like removing a household member).
     */
    record Variant(
            String label,
            Long unitId,
            String owner,
            boolean ownedByCaller,
            Map<String, String> vars,
            BiFunction<String, Boolean, Map<String, String>> fresh) {

        boolean object() {
            return label != null;
        }

        String owner(String caller) {
            return ownedByCaller ? caller : owner;
        }

        Map<String, String> vars(String caller, boolean allowed) {
            return fresh == null ? vars : fresh.apply(caller, allowed);
        }
    }

    boolean isWithin(long unitId, long ancestorId) {
        return within.computeIfAbsent(unitId + "/" + ancestorId, k -> organizations.isWithin(unitId, ancestorId));
    }

    void create() throws Exception {
        long kartiniUnit = unitNamed("BBRSBG Kartini Temanggung");
        alyatamaUnit = unitNamed("PSAA Alyatama Jambi");
        long swTemanggung = unitNamed("SW Peduli Temanggung");
        asAdminDo(() -> {
            account(UNIT_ADMIN, Role.SYSTEM_ADMIN, kartiniUnit);
            account(UNIT_DPO, Role.DPO, kartiniUnit);
            account(UNIT_AUDITOR, Role.AUDITOR, kartiniUnit);
            account(USER_KARTINI, Role.SOCIAL_WORKER, swTemanggung);
            account(USER_ALYATAMA, Role.SOCIAL_WORKER, alyatamaUnit);
        });
        // DemoDataTests counts the units right below Alyatama (and the demo sites below Kartini, by name): the
        // Alyatama-side unit goes below one of its sites
        long jambiSite = unitNamed("Layanan Pesona Surga Kota Jambi");
        kartini = side("Kartini", KARTINI_WRITER, kartiniUnit, swTemanggung, kartiniUnit, USER_KARTINI);
        alyatama = side("Alyatama", ALYATAMA_WRITER, alyatamaUnit, alyatamaUnit, jambiSite, USER_ALYATAMA);
        otherToken = tokenId(USER_KARTINI);
        caseworkSides(swTemanggung);
        asAdminDo(() -> account(MOVED_WORKER, Role.SOCIAL_WORKER, alyatamaUnit));
        movedJob = importJob(MOVED_WORKER, alyatamaUnit, "pindah");
        asAdminDo(() -> {
            UserView moved = users.findByUsername(MOVED_WORKER).orElseThrow();
            moved.grants().forEach(g -> users.removeGrant(moved.id(), g.id()));
            users.addGrant(moved.id(), Role.SOCIAL_WORKER, kartiniUnit);
        });
        // workshop: SW Peduli Temanggung on the Kartini side, a site of Alyatama on the other
        asAdminDo(() -> {
            workshopKartini = id.peduli.workshop.WorkshopFixtures.create(context, swTemanggung);
            workshopAlyatama = id.peduli.workshop.WorkshopFixtures.create(context, jambiSite);
        });
        // workshop goods: a material, work order and sale at each of those sites, and the gallery of its centre
        asAdminDo(() -> {
            goodsKartini = id.peduli.workshop.goods.GoodsFixtures.create(context, swTemanggung);
            goodsAlyatama = id.peduli.workshop.goods.GoodsFixtures.create(context, jambiSite);
        });
        innovation = innovationFixtures(kartiniUnit, alyatamaUnit);
    }

    private long importJob(String writer, long unitId, String name) throws Exception {
        String csv = "external_id,full_name,sex,birth_date,birth_year,nik,region_code,household_key,"
                + "relationship_to_head,kk_number,kk_valid_from,guardian_external_id,guardian_relationship\n"
                + "matriks-" + name + "-" + System.nanoTime() + ",Lina Marlina,P,1993-04-12,,,,,,,,,\n";
        MvcResult upload = mvc.perform(multipart("/api/v1/people/imports")
                        .file(new MockMultipartFile(
                                "file", "matriks.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("orgUnitId", String.valueOf(unitId))
                        .header("Authorization", "Bearer " + token(writer)))
                .andReturn();
        return id(require(upload, 201));
    }

    private Side side(String name, String writer, long technicalUnit, long personUnit, long unitParent, String user)
            throws Exception {
        long person = person(writer, personUnit);
        long otherPerson = person(writer, personUnit);
        long household = id(api(post("/api/v1/people/" + person + "/household"), writer, null));
        long member = member(writer, personUnit, household);
        long consent = id(api(
                post("/api/v1/people/" + person + "/consents"),
                writer,
                "{\"purpose\":\"SERVICE_DELIVERY\",\"basis\":\"PUBLIC_TASK\",\"noticeVersion\":\"v1\","
                        + "\"givenOn\":\"2026-01-05\"}"));
        MvcResult photo = mvc.perform(AccessTestSupport.bearer(
                        put("/api/v1/people/" + person + "/photo")
                                .contentType(MediaType.IMAGE_PNG)
                                .content(png()),
                        context,
                        writer))
                .andReturn();
        require(photo, 204);
        long importJob = importJob(writer, technicalUnit, name);
        long unit = orgUnit("Matriks " + name, unitParent);
        long userId = users.findByUsername(user).orElseThrow().id();
        return new Side(
                name,
                writer,
                technicalUnit,
                personUnit,
                person,
                otherPerson,
                member,
                household,
                consent,
                importJob,
                userId,
                unit);
    }

    /** The objects a row is called with, by the fixture column of the table. */
    List<Variant> variants(String fixture) {
        if (fixture.equals("-")) {
            return List.of(new Variant(null, null, null, false, Map.of(), null));
        }
        if (fixture.equals("region")) {
            return List.of(new Variant(null, null, null, false, Map.of("code", "33.23"), null));
        }
        if (fixture.equals("token")) {
            return List.of(
                    new Variant(
                            "own token",
                            null,
                            null,
                            true,
                            Map.of(),
                            (caller, allowed) -> Map.of("id", allowed ? tokenId(caller) : otherToken)),
                    new Variant("token of another user", null, USER_KARTINI, false, Map.of("id", otherToken), null));
        }
        if (fixture.equals("import")) {
            return List.of(
                    variant(fixture, kartini),
                    variant(fixture, alyatama),
                    new Variant(
                            "import of Alyatama started by a worker since moved to Kartini",
                            alyatamaUnit,
                            MOVED_WORKER,
                            false,
                            Map.of("id", String.valueOf(movedJob)),
                            null));
        }
        if (innovation != null && innovation.handles(fixture)) {
            return innovation.variants(fixture);
        }
        return List.of(variant(fixture, kartini), variant(fixture, alyatama));
    }

    private Variant variant(String fixture, Side side) {
        String label = fixture + " of " + side.name();
        Map<String, String> person = Map.of(
                "id", String.valueOf(side.person()),
                "other", String.valueOf(side.otherPerson()),
                "householdId", String.valueOf(side.household()),
                "consentId", String.valueOf(side.consent()),
                "memberId", String.valueOf(side.member()),
                "personId", String.valueOf(side.member()));
        return switch (fixture) {
            case "person", "household", "consent", "merge" ->
                new Variant(label, side.personUnit(), null, false, person, null);
            case "member" ->
                new Variant(label, side.personUnit(), null, false, person, (caller, allowed) -> {
                    if (!allowed) {
                        return person;
                    }
                    Map<String, String> vars = new HashMap<>(person);
                    String member =
                            String.valueOf(unchecked(() -> member(side.writer(), side.personUnit(), side.household())));
                    vars.put("memberId", member);
                    vars.put("personId", member);
                    return vars;
                });
            case "import" ->
                new Variant(
                        label,
                        side.technicalUnit(),
                        side.writer(),
                        false,
                        Map.of("id", String.valueOf(side.importJob())),
                        null);
            case "user" ->
                new Variant(label, side.personUnit(), null, false, Map.of("id", String.valueOf(side.user())), null);
            case "grant" ->
                new Variant(
                        label,
                        side.personUnit(),
                        null,
                        false,
                        Map.of(),
                        (caller, allowed) -> Map.of(
                                "id", String.valueOf(side.user()),
                                "grantId", String.valueOf(grant(side.user(), side.personUnit()))));
            case "unit" ->
                new Variant(
                        label,
                        side.unit(),
                        null,
                        false,
                        Map.of(
                                "id", String.valueOf(side.unit()),
                                "parentId",
                                        String.valueOf(
                                                organizations.get(side.unit()).parentId())),
                        null);
            case "indicator" ->
                new Variant(
                        label,
                        side.personUnit(),
                        null,
                        false,
                        Map.of("code", "PEOPLE_REGISTERED", "unit", String.valueOf(side.personUnit())),
                        null);
            case "enrolment", "activity", "referral" -> {
                Map<String, String> vars = new HashMap<>(casework.get(side.name()));
                if (!fixture.equals("enrolment")) {
                    vars.put("id", vars.get(fixture + "Id"));
                }
                yield new Variant(label, Long.valueOf(vars.get("unit")), null, false, vars, null);
            }
            case "site", "product", "payout", "placement" -> workshopVariant(fixture, label, side);
            case "gallery", "material", "workorder", "sale" -> goodsVariant(fixture, label, side);
            default -> throw new IllegalArgumentException("unknown fixture " + fixture);
        };
    }

    private Variant workshopVariant(String fixture, String label, Side side) {
        id.peduli.workshop.WorkshopFixtures.Objects objects = side == kartini ? workshopKartini : workshopAlyatama;
        long unit = fixture.equals("product") ? side.technicalUnit() : objects.site();
        Map<String, String> vars = switch (fixture) {
            case "site" -> Map.of("id", String.valueOf(objects.site()));
            case "product" -> Map.of("id", String.valueOf(objects.product()));
            case "placement" ->
                Map.of("id", String.valueOf(objects.placement()), "followUpId", String.valueOf(objects.followUp()));
            default -> Map.of("id", String.valueOf(objects.run()), "lineId", String.valueOf(objects.line()));
        };
        return new Variant(label, unit, null, false, vars, null);
    }

    private Variant goodsVariant(String fixture, String label, Side side) {
        id.peduli.workshop.goods.GoodsFixtures.Objects goods = side == kartini ? goodsKartini : goodsAlyatama;
        long id = switch (fixture) {
            case "gallery" -> goods.gallery();
            case "material" -> goods.material();
            case "workorder" -> goods.workOrder();
            default -> goods.sale();
        };
        long unit = fixture.equals("gallery") ? goods.gallery() : goods.site();
        return new Variant(label, unit, null, false, Map.of("id", String.valueOf(id)), null);
    }

    // ------------------------------------------------------------------------------------------ innovation

    /**
     * The competition's objects: a period open today, a draft proposal with an attachment on each side, an assignment
     * of the Kartini proposal to the demo evaluator and one to another evaluator, an objection, and a message in the
     * demo evaluator's inbox. Written directly: the demo data has no period, and the drafts need a unit operator of
     * each side, which the demo accounts are not.
     */
    record InnovationFixtures(
            long period,
            long kartiniProposal,
            long kartiniAttachment,
            long alyatamaProposal,
            long alyatamaAttachment,
            long ownAssignment,
            long otherAssignment,
            long objection,
            long notification,
            long kartiniUnit,
            long alyatamaUnit,
            long kartiniPhoto,
            long alyatamaPhoto,
            long catalogued,
            long periodEvaluator,
            long kartiniReplication,
            long alyatamaReplication) {

        boolean handles(String fixture) {
            return List.of(
                            "proposal",
                            "period",
                            "assignment",
                            "objection",
                            "notification",
                            "catalogue",
                            "visit",
                            "replication")
                    .contains(fixture);
        }

        List<Variant> variants(String fixture) {
            return switch (fixture) {
                case "proposal" ->
                    List.of(
                            new Variant(
                                    "proposal of Kartini",
                                    kartiniUnit,
                                    null,
                                    false,
                                    Map.of(
                                            "id", String.valueOf(kartiniProposal),
                                            "attachmentId", String.valueOf(kartiniAttachment),
                                            "photoId", String.valueOf(kartiniPhoto)),
                                    null),
                            new Variant(
                                    "proposal of Alyatama",
                                    alyatamaUnit,
                                    null,
                                    false,
                                    Map.of(
                                            "id", String.valueOf(alyatamaProposal),
                                            "attachmentId", String.valueOf(alyatamaAttachment),
                                            "photoId", String.valueOf(alyatamaPhoto)),
                                    null));
                case "period" ->
                    List.of(new Variant(
                            "period",
                            null,
                            null,
                            false,
                            Map.of("id", String.valueOf(period), "userId", String.valueOf(periodEvaluator)),
                            null));
                case "assignment" ->
                    List.of(
                            new Variant(
                                    "assignment of evaluator",
                                    null,
                                    "evaluator",
                                    false,
                                    Map.of("id", String.valueOf(ownAssignment)),
                                    null),
                            new Variant(
                                    "assignment of another evaluator",
                                    null,
                                    "matriks.evaluator",
                                    false,
                                    Map.of("id", String.valueOf(otherAssignment)),
                                    null));
                case "objection" ->
                    List.of(new Variant("objection", null, null, false, Map.of("id", String.valueOf(objection)), null));
                case "notification" ->
                    List.of(new Variant(
                            "message of evaluator",
                            null,
                            "evaluator",
                            false,
                            Map.of("id", String.valueOf(notification)),
                            null));
                case "catalogue" ->
                    List.of(new Variant(
                            "winning innovation",
                            null,
                            null,
                            false,
                            Map.of("innovationId", String.valueOf(catalogued)),
                            null));
                // a field visit: panelists for any proposal, an evaluator for one assigned to them
                case "visit" ->
                    List.of(
                            new Variant(
                                    "proposal assigned to evaluator",
                                    null,
                                    "evaluator",
                                    false,
                                    Map.of("id", String.valueOf(kartiniProposal)),
                                    null),
                            new Variant(
                                    "proposal assigned to nobody",
                                    null,
                                    null,
                                    false,
                                    Map.of("id", String.valueOf(alyatamaProposal)),
                                    null));
                case "replication" ->
                    List.of(
                            new Variant(
                                    "replication by Kartini",
                                    kartiniUnit,
                                    null,
                                    false,
                                    Map.of("id", String.valueOf(kartiniReplication)),
                                    null),
                            new Variant(
                                    "replication by Alyatama",
                                    alyatamaUnit,
                                    null,
                                    false,
                                    Map.of("id", String.valueOf(alyatamaReplication)),
                                    null));
                default -> throw new IllegalArgumentException("unknown fixture " + fixture);
            };
        }
    }

    private InnovationFixtures innovationFixtures(long kartiniUnit, long alyatamaUnit) {
        long menpan = unitNamed("Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi");
        asAdminDo(() -> account("matriks.evaluator", Role.EVALUATOR, menpan));
        java.time.LocalDate today = id.peduli.Today.date();
        long period = jdbc.sql("""
                        insert into innovation.period (year, title, registration_opens, unit_deadline, submit_deadline,
                            screening_deadline, assessment_deadline)
                        values (2099, 'Matriks', ?, ?, ?, ?, ?) returning id
                        """)
                .params(
                        today.minusDays(10),
                        today.plusDays(10),
                        today.plusDays(20),
                        today.plusDays(30),
                        today.plusDays(40))
                .query(Long.class)
                .single();
        jdbc.sql("insert into innovation.period_category (period_id, code, name, ordinal) values (?, 'GOVERNANCE', "
                        + "'Tata kelola', 0)")
                .param(period)
                .update();
        jdbc.sql("insert into innovation.rubric_aspect (period_id, code, weight, ordinal) values (?, 'BACKGROUND', 100,"
                        + " 0)")
                .param(period)
                .update();
        long[] kartini = draft(period, kartiniUnit, "Matriks Inovasi Kartini");
        long[] alyatama = draft(period, alyatamaUnit, "Matriks Inovasi Alyatama");
        long evaluator = users.findByUsername("evaluator").orElseThrow().id();
        long other = users.findByUsername("matriks.evaluator").orElseThrow().id();
        long own = assignment(kartini[0], evaluator);
        long others = assignment(kartini[0], other);
        long objection = jdbc.sql("insert into innovation.objection (proposal_id, name, contact, text) values (?, "
                        + "'Matriks', 'matriks@example.com', 'Sanggahan matriks otorisasi') returning id")
                .param(kartini[0])
                .query(Long.class)
                .single();
        long catalogued = winner(period, alyatamaUnit);
        long notification = jdbc.sql("insert into innovation.notification (recipient_id, proposal_id, message_key, "
                        + "title) values (?, ?, 'innovation.notify.passed', 'Matriks') returning id")
                .params(evaluator, kartini[0])
                .query(Long.class)
                .single();
        return new InnovationFixtures(
                period,
                kartini[0],
                kartini[1],
                alyatama[0],
                alyatama[1],
                own,
                others,
                objection,
                notification,
                kartiniUnit,
                alyatamaUnit,
                kartini[2],
                alyatama[2],
                catalogued,
                evaluator,
                replication(catalogued, kartiniUnit),
                replication(catalogued, alyatamaUnit));
    }

    /** An innovation of {@code unitId} that won in {@code period}: in the public catalogue. */
    private long winner(long period, long unitId) {
        long innovation = jdbc.sql("insert into innovation.innovation (unit_id, title, started_on) values (?, "
                        + "'Matriks Inovasi Pemenang', date '2015-01-01') returning id")
                .param(unitId)
                .query(Long.class)
                .single();
        jdbc.sql("insert into innovation.proposal (period_id, innovation_id, unit_id, grp, state) values (?, ?, ?, "
                        + "'GENERAL', 'WINNER')")
                .params(period, innovation, unitId)
                .update();
        return innovation;
    }

    /** A replication of innovation {@code source} registered by {@code unitId}. */
    private long replication(long source, long unitId) {
        return jdbc.sql("insert into innovation.replication (source_innovation_id, adopter_unit_id, started_on, "
                        + "adaptation, status) values (?, ?, date '2020-01-01', 'Matriks', 'RUNNING') returning id")
                .params(source, unitId)
                .query(Long.class)
                .single();
    }

    /** A draft proposal of {@code unitId} with one PDF attachment and a field visit photo: {proposal, attachment, photo}. */
    private long[] draft(long period, long unitId, String title) {
        long innovation = jdbc.sql("insert into innovation.innovation (unit_id, title, started_on) values (?, ?, "
                        + "date '2015-01-01') returning id")
                .params(unitId, title)
                .query(Long.class)
                .single();
        long attachment = jdbc.sql("insert into innovation.attachment (innovation_id, file_name, content_type, "
                        + "size_bytes, content) values (?, 'bukti.pdf', 'application/pdf', 9, ?) returning id")
                .params(innovation, "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))
                .query(Long.class)
                .single();
        long proposal = jdbc.sql("insert into innovation.proposal (period_id, innovation_id, unit_id, grp, state) "
                        + "values (?, ?, ?, 'GENERAL', 'DRAFT') returning id")
                .params(period, innovation, unitId)
                .query(Long.class)
                .single();
        // a field visit with one evidence photo (S7)
        long visit = jdbc.sql(
                        "insert into innovation.field_visit (proposal_id, visited_on, verdict, notes, recorded_by)"
                                + " values (?, date '2015-06-01', 'VERIFIED', 'Matriks', 'matriks') returning id")
                .param(proposal)
                .query(Long.class)
                .single();
        long photo = jdbc.sql("insert into innovation.field_visit_photo (visit_id, content_type, size_bytes, content) "
                        + "values (?, 'image/png', 8, ?) returning id")
                .params(visit, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})
                .query(Long.class)
                .single();
        return new long[] {proposal, attachment, photo};
    }

    private long assignment(long proposal, long evaluator) {
        return jdbc.sql("insert into innovation.evaluator_assignment (proposal_id, evaluator_id, evaluator_name, "
                        + "assigned_by) values (?, ?, 'Matriks', 'matriks') returning id")
                .params(proposal, evaluator)
                .query(Long.class)
                .single();
    }

    // ------------------------------------------------------------------------------------------------- creating

    /**
     * Case core objects on each side: an enrolment (Kartini: SW Peduli at SW Peduli Temanggung; Alyatama: Pesona
     * Surga at the Alyatama unit) with two assessments, a plan with a goal, an activity with an attachment, and an
     * incoming referral to the unit.
     */
    private void caseworkSides(long swTemanggung) throws Exception {
        asAdminDo(() -> context.getBeansOfType(id.peduli.platform.DemoSeed.class).values().stream()
                .filter(seed -> seed.name().equals("casework-v1"))
                .forEach(id.peduli.platform.DemoSeed::load));
        caseworkSide("Kartini", KARTINI_WRITER, swTemanggung, "SW_PEDULI", "WORKSHOP_SERVICES");
        caseworkSide("Alyatama", ALYATAMA_WRITER, alyatamaUnit, "PESONA_SURGA", "CHILD_WELFARE_SERVICES");
    }

    private void caseworkSide(String name, String writer, long unitId, String programme, String purpose)
            throws Exception {
        long person = person(writer, unitId);
        api(
                post("/api/v1/people/" + person + "/consents"),
                writer,
                "{\"purpose\":\"" + purpose + "\",\"basis\":\"PUBLIC_TASK\",\"noticeVersion\":\"v1\","
                        + "\"givenOn\":\"2026-01-05\"}");
        long enrolment = id(api(
                post("/api/v1/casework/enrolments"),
                writer,
                "{\"personId\":" + person + ",\"programmeCode\":\"" + programme + "\",\"unitId\":" + unitId + "}"));
        MvcResult templates = api(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/casework/templates"),
                writer,
                null);
        String json = templates.getResponse().getContentAsString();
        long template = ((Number) JsonPath.read(json, "$[0].id")).longValue();
        List<Number> items = JsonPath.read(json, "$[0].domains[*].items[*].id");
        StringBuilder scores = new StringBuilder();
        for (Number item : items) {
            scores.append(scores.isEmpty() ? "" : ",").append('"').append(item).append("\":3");
        }
        String assessment =
                "{\"templateId\":" + template + ",\"assessedOn\":\"2026-01-10\",\"scores\":{" + scores + "}}";
        long a = id(api(post("/api/v1/casework/enrolments/" + enrolment + "/assessments"), writer, assessment));
        long b = id(api(post("/api/v1/casework/enrolments/" + enrolment + "/assessments"), writer, assessment));
        MvcResult plan = api(
                post("/api/v1/casework/enrolments/" + enrolment + "/plans"),
                writer,
                "{\"title\":\"Rencana\",\"reviewOn\":\"2026-12-01\",\"goal\":{\"description\":\"Tujuan\","
                        + "\"target\":\"Target\",\"independenceLevel\":2,\"reviewOn\":\"2026-12-01\"}}");
        long planId = id(plan);
        long goalId = ((Number) JsonPath.read(plan.getResponse().getContentAsString(), "$.goals[0].id")).longValue();
        long activity = id(api(
                post("/api/v1/casework/units/" + unitId + "/activities"),
                writer,
                "{\"type\":\"GROUP_SESSION\",\"heldOn\":\""
                        + Today.date()
                        + "\",\"durationMinutes\":60,\"staff\":\"Petugas\","
                        + "\"component\":\"VOCATIONAL\",\"attendance\":{\"" + enrolment + "\":true}}"));
        MvcResult attachment = mvc.perform(multipart("/api/v1/casework/activities/" + activity + "/attachments")
                        .file(new MockMultipartFile("file", "foto.png", "image/png", png()))
                        .header("Authorization", "Bearer " + token(writer)))
                .andReturn();
        long attachmentId = id(require(attachment, 201));
        long referral = id(api(
                post("/api/v1/casework/referrals"),
                writer,
                "{\"personId\":" + person + ",\"direction\":\"INCOMING\",\"toUnitId\":" + unitId
                        + ",\"outsideService\":\"Puskesmas\",\"reason\":\"Matriks\"}"));
        Map<String, String> vars = new HashMap<>();
        vars.put("id", String.valueOf(enrolment));
        vars.put("unit", String.valueOf(unitId));
        vars.put("unitId", String.valueOf(unitId));
        vars.put("a", String.valueOf(a));
        vars.put("b", String.valueOf(b));
        vars.put("planId", String.valueOf(planId));
        vars.put("goalId", String.valueOf(goalId));
        vars.put("activityId", String.valueOf(activity));
        vars.put("attachmentId", String.valueOf(attachmentId));
        vars.put("referralId", String.valueOf(referral));
        vars.put("assessmentId", String.valueOf(a));
        casework.put(name, vars);
    }

    private long unitNamed(String name) {
        return organizations.tree().stream()
                .filter(u -> u.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("demo unit missing: " + name))
                .id();
    }

    private long orgUnit(String name, long parent) {
        return organizations.children(parent).stream()
                .filter(u -> u.name().equals(name))
                .findFirst()
                .map(OrgUnit::id)
                .orElseGet(() -> asAdmin(() -> organizations
                        .create(new OrgUnitCommand(parent, name, null, OrgUnitType.SITE, null, null, true, false))
                        .id()));
    }

    private void account(String username, Role role, long unitId) {
        if (users.findByUsername(username).isEmpty()) {
            users.create(
                    new NewUserCommand(
                            username,
                            PASSWORD,
                            new UserCommand("Matriks " + username, username + "@matriks.peduli.id", null, "id", true),
                            false),
                    role,
                    unitId);
        }
    }

    /** A SITE_MENTOR grant of the user for the unit, made when missing (the grant rows remove it). */
    private long grant(long userId, long unitId) {
        return asAdmin(() -> {
            UserView user = users.get(userId);
            return user.grants().stream()
                    .filter(g ->
                            g.role() == Role.SITE_MENTOR && Long.valueOf(unitId).equals(g.unitId()))
                    .findFirst()
                    .orElseGet(() -> users.addGrant(userId, Role.SITE_MENTOR, unitId).grants().stream()
                            .filter(g -> g.role() == Role.SITE_MENTOR
                                    && Long.valueOf(unitId).equals(g.unitId()))
                            .findFirst()
                            .orElseThrow())
                    .id();
        });
    }

    private long person(String writer, long unitId) throws Exception {
        return id(api(
                post("/api/v1/people"),
                writer,
                "{\"orgUnitId\":" + unitId + ",\"fullName\":\"Matriks Orang " + serial.incrementAndGet()
                        + "\",\"sex\":\"F\",\"birthYear\":1980,\"acceptWarnings\":true}"));
    }

    private long member(String writer, long unitId, long household) throws Exception {
        long member = person(writer, unitId);
        api(
                post("/api/v1/households/" + household + "/members"),
                writer,
                "{\"personId\":" + member + ",\"relationship\":\"CHILD\"}");
        return member;
    }

    /** The id of a new personal access token of {@code username}. */
    private String tokenId(String username) {
        AccessTestSupport.tokenFor(context, username, 1);
        return String.valueOf(jdbc.sql("""
                        select max(t.id) from access.api_token t join access.user_account u on u.id = t.user_id
                        where u.username = ?
                        """).param(username).query(Long.class).single());
    }

    private String token(String username) {
        return tokens.computeIfAbsent(username, u -> AccessTestSupport.tokenFor(context, u, 1));
    }

    private MvcResult api(MockHttpServletRequestBuilder request, String username, String json) throws Exception {
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        MvcResult result = mvc.perform(request.header("Authorization", "Bearer " + token(username)))
                .andReturn();
        int status = result.getResponse().getStatus();
        if (status != 200 && status != 201) {
            throw new IllegalStateException(
                    "fixture " + request.buildRequest(null).getRequestURI() + " answered " + status + ": "
                            + result.getResponse().getContentAsString());
        }
        return result;
    }

    private static MvcResult require(MvcResult result, int status) throws Exception {
        if (result.getResponse().getStatus() != status) {
            throw new IllegalStateException(
                    "fixture answered " + result.getResponse().getStatus() + ": "
                            + result.getResponse().getContentAsString());
        }
        return result;
    }

    private static long id(MvcResult result) throws Exception {
        return ((Number) JsonPath.read(result.getResponse().getContentAsString(), "$.id")).longValue();
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private interface Action<T> {
        T run() throws Exception;
    }

    private static <T> T unchecked(Action<T> action) {
        try {
            return action.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void asAdminDo(Runnable action) {
        asAdmin(() -> {
            action.run();
            return null;
        });
    }

    private <T> T asAdmin(java.util.function.Supplier<T> action) {
        UserDetails admin = context.getBean(UserDetailsService.class).loadUserByUsername("admin");
        var previous = SecurityContextHolder.getContext();
        var security = SecurityContextHolder.createEmptyContext();
        security.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
        SecurityContextHolder.setContext(security);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
