package id.peduli.workshop;

import id.peduli.platform.Idempotent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Sheltered Workshop over the API: sites, mentors and trainings, products, participants, the batch of session
 * entries from mentors' phones, earnings rules and payout runs. Scope is checked before anything is loaded: a site or
 * run outside the caller's units answers 404 like a missing one.
 */
@RestController
@RequestMapping("/api/v1/workshop")
@Tag(name = "Sheltered workshop", description = "Sites, products, sessions, earnings and payouts of SW Peduli")
class WorkshopApiController {

    private final Sites sites;
    private final Products products;
    private final Participants participants;
    private final SessionRecorder recorder;
    private final Payouts payouts;
    private final PayoutStatements statements;
    private final Clock clock;
    private final WorkshopScope scope;

    WorkshopApiController(
            Sites sites,
            Products products,
            Participants participants,
            SessionRecorder recorder,
            Payouts payouts,
            PayoutStatements statements,
            Clock clock,
            WorkshopScope scope) {
        this.scope = scope;
        this.sites = sites;
        this.products = products;
        this.participants = participants;
        this.recorder = recorder;
        this.payouts = payouts;
        this.statements = statements;
        this.clock = clock;
    }

    @Schema(name = "WorkshopSiteUpdateRequest")
    record SiteUpdate(
            @NotNull(message = "{validation.required}") Integer version,
            @Valid @NotNull SiteCommand site) {}

    @Schema(name = "WorkshopBatchRequest")
    record Batch(List<SessionEntry> entries) {}

    @Schema(name = "WorkshopBatchResponse")
    record BatchResult(List<EntryResult> results) {}

    @Schema(name = "WorkshopProductCreateRequest")
    record ProductCreate(
            @NotNull(message = "{validation.required}") Long centreId,
            @Valid @NotNull ProductCommand product) {}

    @Schema(name = "WorkshopProductUpdateRequest")
    record ProductUpdate(
            @NotNull(message = "{validation.required}") Integer version,
            @Valid @NotNull ProductCommand product) {}

    @Schema(name = "WorkshopPayoutRequest")
    record PayoutRequest(
            @NotNull(message = "{validation.required}") YearMonth period) {}

    @Schema(name = "WorkshopApproveRequest")
    record ApproveRequest(
            @NotNull(message = "{validation.required}") Integer version) {}

    @Schema(name = "WorkshopReceiptRequest")
    record ReceiptRequest(
            @NotNull(message = "{validation.required}") LocalDate receivedOn,
            @NotNull(message = "{validation.required}") String method,
            @NotNull(message = "{validation.required}") String receivedBy) {}

    @GetMapping("/sites")
    @PreAuthorize(WorkshopRoles.READ_EXPRESSION)
    @Operation(summary = "Workshop sites the caller's grants cover; pastMentoring flags sites past their 24 months")
    List<SiteView> sites() {
        return sites.visible(WorkshopRoles.READ);
    }

    @GetMapping("/sites/{id}")
    @PreAuthorize(WorkshopRoles.SITE_READ_EXPRESSION)
    @Operation(summary = "One site with its MoU, phase dates and community group")
    SiteView site(@PathVariable long id) {
        return sites.get(id);
    }

    @PutMapping("/sites/{id}")
    @PreAuthorize(WorkshopRoles.SITE_MANAGE_EXPRESSION)
    @Operation(summary = "Update a site's profile; send the version you read (optimistic locking)")
    SiteView updateSite(@PathVariable long id, @Valid @RequestBody SiteUpdate request) {
        return sites.update(id, request.version(), request.site());
    }

    @GetMapping("/sites/{id}/mentors")
    @PreAuthorize(WorkshopRoles.SITE_READ_EXPRESSION)
    @Operation(summary = "The site's mentors (kader)")
    List<MentorView> mentors(@PathVariable long id) {
        sites.get(id);
        return sites.mentors(id);
    }

    @PostMapping("/sites/{id}/mentors")
    @PreAuthorize(WorkshopRoles.SITE_MANAGE_EXPRESSION)
    @Idempotent
    @Operation(summary = "Add a mentor: a SITE_MENTOR account of the site, a registry person, or a name")
    ResponseEntity<MentorView> addMentor(@PathVariable long id, @Valid @RequestBody MentorCommand command) {
        MentorView mentor = sites.addMentor(id, command);
        return ResponseEntity.created(URI.create("/api/v1/workshop/sites/" + id + "/mentors"))
                .body(mentor);
    }

    @GetMapping("/sites/{id}/trainings")
    @PreAuthorize(WorkshopRoles.SITE_READ_EXPRESSION)
    @Operation(summary = "Mentor trainings of the site with attendance")
    List<TrainingView> trainings(@PathVariable long id) {
        sites.get(id);
        return sites.trainings(id);
    }

    @PostMapping("/sites/{id}/trainings")
    @PreAuthorize(WorkshopRoles.SITE_MANAGE_EXPRESSION)
    @Idempotent
    @Operation(summary = "Record a mentor training and who attended")
    ResponseEntity<TrainingView> addTraining(@PathVariable long id, @Valid @RequestBody TrainingCommand command) {
        TrainingView training = sites.addTraining(id, command);
        return ResponseEntity.created(URI.create("/api/v1/workshop/sites/" + id + "/trainings"))
                .body(training);
    }

    @GetMapping("/sites/{id}/participants")
    @PreAuthorize(WorkshopRoles.SITE_CASE_READ_EXPRESSION)
    @Operation(summary = "Participants enrolled at the site today (or on ?day=yyyy-MM-dd)")
    List<Participant> participants(
            @PathVariable long id, @RequestParam(value = "day", required = false) LocalDate day) {
        sites.get(id);
        return participants.activeAt(id, day == null ? LocalDate.now(clock) : day);
    }

    @GetMapping("/sites/{id}/products")
    @PreAuthorize(WorkshopRoles.SITE_READ_EXPRESSION)
    @Operation(summary = "Products the site's centre makes")
    List<ProductView> siteProducts(@PathVariable long id) {
        return products.ofCentre(sites.get(id).centreId());
    }

    @PostMapping("/products")
    @PreAuthorize(WorkshopRoles.MANAGE_EXPRESSION)
    @Idempotent
    @Operation(summary = "Create a product of a centre (the caller manages the centre)")
    ResponseEntity<ProductView> createProduct(@Valid @RequestBody ProductCreate request) {
        if (!scope.unit(request.centreId(), WorkshopRoles.MANAGE)) {
            throw new org.springframework.security.access.AccessDeniedException("centre");
        }
        ProductView product = products.create(request.centreId(), request.product());
        return ResponseEntity.created(URI.create("/api/v1/workshop/products/" + product.id()))
                .body(product);
    }

    @PutMapping("/products/{id}")
    @PreAuthorize(WorkshopRoles.PRODUCT_MANAGE_EXPRESSION)
    @Operation(summary = "Update a product; send the version you read")
    ProductView updateProduct(@PathVariable long id, @Valid @RequestBody ProductUpdate request) {
        return products.update(id, request.version(), request.product());
    }

    @PostMapping("/sessions/batch")
    @PreAuthorize(WorkshopRoles.RECORD_EXPRESSION)
    @Operation(
            summary = "Record session entries kept on a phone",
            description = "Each entry is recorded in its own transaction and answered on its own: STORED, DUPLICATE "
                    + "(its entryId was recorded before; nothing more is recorded) or REFUSED with the reason. A "
                    + "SITE_MENTOR records only for their own site. At most 1,000 entries per call.")
    BatchResult batch(@RequestBody Batch batch, Locale locale) {
        return new BatchResult(recorder.record(batch == null ? null : batch.entries(), locale));
    }

    @GetMapping("/sites/{id}/earnings-rules")
    @PreAuthorize(WorkshopRoles.SITE_CASE_READ_EXPRESSION)
    @Operation(summary = "The site's earnings rules, newest first")
    List<EarningsRule> rules(@PathVariable long id) {
        sites.get(id);
        return payouts.rules(id);
    }

    @PostMapping("/sites/{id}/earnings-rules")
    @PreAuthorize(WorkshopRoles.SITE_MANAGE_EXPRESSION)
    @Operation(summary = "Set the site's earnings rule from a later month (never the current one)")
    ResponseEntity<EarningsRule> setRule(@PathVariable long id, @Valid @RequestBody EarningsRuleCommand command) {
        EarningsRule rule = payouts.setRule(id, command);
        return ResponseEntity.created(URI.create("/api/v1/workshop/sites/" + id + "/earnings-rules"))
                .body(rule);
    }

    @GetMapping("/sites/{id}/payouts")
    @PreAuthorize(WorkshopRoles.SITE_CASE_READ_EXPRESSION)
    @Operation(summary = "The site's payout runs, newest first (without lines)")
    List<PayoutRunView> runs(@PathVariable long id) {
        return payouts.runs(id);
    }

    @PostMapping("/sites/{id}/payouts")
    @PreAuthorize(WorkshopRoles.SITE_MANAGE_EXPRESSION)
    @Operation(summary = "Compute (again) the draft payout run of a month; refused once the month is frozen")
    PayoutRunView compute(@PathVariable long id, @Valid @RequestBody PayoutRequest request) {
        return statements.named(payouts.compute(id, request.period()));
    }

    @GetMapping("/payouts/{id}")
    @PreAuthorize(WorkshopRoles.PAYOUT_READ_EXPRESSION)
    @Operation(summary = "A payout run with each participant's line and working")
    PayoutRunView run(@PathVariable long id) {
        return statements.named(payouts.get(id));
    }

    @PostMapping("/payouts/{id}/approve")
    @PreAuthorize(WorkshopRoles.PAYOUT_MANAGE_EXPRESSION)
    @Operation(summary = "Approve a draft run (PROGRAM_MANAGER); the month is then frozen")
    PayoutRunView approve(@PathVariable long id, @Valid @RequestBody ApproveRequest request) {
        return statements.named(payouts.approve(id, request.version()));
    }

    @PostMapping("/payouts/{id}/lines/{lineId}/receipt")
    @PreAuthorize(WorkshopRoles.PAYOUT_PAY_EXPRESSION)
    @Operation(summary = "Record that the participant or guardian received the amount (signature or thumbprint)")
    PayoutRunView receipt(
            @PathVariable long id, @PathVariable long lineId, @Valid @RequestBody ReceiptRequest request) {
        payouts.receipt(id, lineId, request.receivedOn(), request.method(), request.receivedBy());
        return statements.named(payouts.get(id));
    }
}
