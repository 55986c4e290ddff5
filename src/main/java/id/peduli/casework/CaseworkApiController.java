package id.peduli.casework;

import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.platform.Idempotent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The case core over the API, with the same rules and scope as the pages: an enrolment, activity or referral outside
 * the caller's units answers 404 like a missing one, checked before the body is read.
 */
@RestController
@RequestMapping("/api/v1/casework")
@Tag(name = "Case core", description = "Programmes, enrolments and stages, assessments, plans, activities, referrals")
class CaseworkApiController {

    private static final String UNIT_READ = " and @access.coversOrNotFound(#unitId, 'casework.unit.notFound', "
            + "'SOCIAL_WORKER', 'SITE_MENTOR', 'PROGRAM_MANAGER', 'UNIT_HEAD')";
    private static final String UNIT_WRITE = " and @access.coversOrNotFound(#unitId, 'casework.unit.notFound', "
            + "'SOCIAL_WORKER', 'SITE_MENTOR', 'PROGRAM_MANAGER')";

    private final Enrolments enrolments;
    private final Programmes programmes;
    private final Assessments assessments;
    private final Plans plans;
    private final Activities activities;
    private final Referrals referrals;
    private final Caseload caseload;
    private final AuditLog audit;
    private final id.peduli.access.Access access;
    private final AssessmentGoals assessmentGoals;

    CaseworkApiController(
            Enrolments enrolments,
            Programmes programmes,
            Assessments assessments,
            Plans plans,
            Activities activities,
            Referrals referrals,
            Caseload caseload,
            AuditLog audit,
            id.peduli.access.Access access,
            AssessmentGoals assessmentGoals) {
        this.access = access;
        this.assessmentGoals = assessmentGoals;
        this.enrolments = enrolments;
        this.programmes = programmes;
        this.assessments = assessments;
        this.plans = plans;
        this.activities = activities;
        this.referrals = referrals;
        this.caseload = caseload;
        this.audit = audit;
    }

    @Schema(name = "CaseworkTransitionRequest")
    record TransitionRequest(
            @NotNull(message = "{validation.required}") Stage to,
            String reason,
            LocalDate on,
            @NotNull(message = "{validation.required}") Long version) {}

    @Schema(name = "CaseworkAssessmentRequest")
    record AssessmentRequest(
            @NotNull(message = "{validation.required}") Long templateId,
            @NotNull(message = "{validation.required}") LocalDate assessedOn,
            @NotNull(message = "{validation.required}") Map<Long, Integer> scores,
            String notes) {}

    @Schema(name = "CaseworkPlanRequest")
    record PlanRequest(
            String title,
            LocalDate reviewOn,
            @NotNull(message = "{validation.required}") GoalCommand goal) {}

    @Schema(name = "CaseworkGoalReviewRequest")
    record GoalReviewRequest(
            @NotNull(message = "{validation.required}") Integer independenceLevel,
            @NotNull(message = "{validation.required}") String status,
            @NotNull(message = "{validation.required}") LocalDate reviewOn,

            @Schema(
                    description = "The day the goal was achieved, with status ACHIEVED only: today when left out, never"
                            + " in the future nor before the plan began")
            LocalDate achievedOn,

            @NotNull(message = "{validation.required}") Long version) {}

    @Schema(name = "CaseworkReferralDecision")
    record DecisionRequest(
            @NotNull(message = "{validation.required}") Boolean accept,
            String note,
            @NotNull(message = "{validation.required}") Long version) {}

    @Schema(name = "CaseworkCaseloadRow")
    record CaseloadItem(
            EnrolmentView enrolment,
            String personName,
            String programmeName,
            String unitName,
            LocalDate due,
            String dueLabelKey,
            boolean overdue) {}

    // --------------------------------------------------------------------------------------------- programmes

    @GetMapping("/programmes")
    @PreAuthorize(CaseworkRoles.READ_EXPRESSION)
    @Operation(summary = "Every programme")
    List<ProgrammeView> programmes() {
        return programmes.all();
    }

    // ---------------------------------------------------------------------------------------------- enrolments

    @PostMapping("/enrolments")
    @Idempotent
    @PreAuthorize(CaseworkRoles.WRITE_EXPRESSION)
    @Operation(
            summary = "Enrol a registry person (intake). Refused with 422 when the programme's consent purpose is"
                    + " not covered for the person")
    ResponseEntity<EnrolmentView> enrol(@RequestBody EnrolCommand command) {
        EnrolmentView enrolment = enrolments.enrol(command);
        return ResponseEntity.created(URI.create("/api/v1/casework/enrolments/" + enrolment.id()))
                .body(enrolment);
    }

    @GetMapping("/enrolments/{id}")
    @PreAuthorize(CaseworkRoles.READ_EXPRESSION + " and @caseworkScope.read(#id)")
    @Operation(summary = "One enrolment")
    EnrolmentView enrolment(@PathVariable long id) {
        EnrolmentView enrolment = enrolments.find(id).orElseThrow(() -> Enrolments.notFound(id));
        audit.record(AuditRecord.of(AuditAction.VIEW, "Enrolment", id)
                .unit(enrolment.unitId())
                .purpose("person " + enrolment.personId()));
        return enrolment;
    }

    @GetMapping("/enrolments/{id}/transitions")
    @PreAuthorize(CaseworkRoles.READ_EXPRESSION + " and @caseworkScope.read(#id)")
    @Operation(summary = "The stage history of an enrolment: who, when and why")
    List<TransitionView> history(@PathVariable long id) {
        return enrolments.history(id);
    }

    @PostMapping("/enrolments/{id}/transitions")
    @PreAuthorize(CaseworkRoles.WRITE_EXPRESSION + " and @caseworkScope.write(#id)")
    @Operation(
            summary = "Move an enrolment to another stage; send the version you read. An illegal step answers 409,"
                    + " a missing reason for going back, terminating or closing 422")
    EnrolmentView transition(@PathVariable long id, @Valid @RequestBody TransitionRequest request) {
        return enrolments.transition(id, request.to(), request.reason(), request.on(), request.version());
    }

    @GetMapping("/people/{personId}/enrolments")
    @PreAuthorize(CaseworkRoles.READ_EXPRESSION + " and @registryScope.person(#personId)")
    @Operation(summary = "The enrolments of a person at the units the caller may read")
    List<EnrolmentView> ofPerson(@PathVariable long personId) {
        return enrolments.ofPerson(personId).stream()
                .filter(e -> access.covers(e.unitId(), CaseworkRoles.READ))
                .toList();
    }

    @GetMapping("/caseload")
    @PreAuthorize(CaseworkRoles.READ_EXPRESSION)
    @Operation(
            summary = "The caller's caseload (all=true: every enrolment of the caller's units) with the next due thing")
    List<CaseloadItem> caseload(
            @RequestParam(value = "all", defaultValue = "false") boolean all,
            @RequestParam(value = "stage", required = false) Stage stage,
            @RequestParam(value = "programme", required = false) String programme,
            @RequestParam(value = "overdue", defaultValue = "false") boolean overdue) {
        return caseload.rows(new Caseload.Filter(all, stage, programme, overdue, false)).stream()
                .map(r -> new CaseloadItem(
                        r.enrolment(),
                        r.personName(),
                        r.programmeName(),
                        r.unitName(),
                        r.due(),
                        r.next() == null ? null : r.next().labelKey(),
                        r.overdue()))
                .toList();
    }

    // -------------------------------------------------------------------------------------------- assessments

    @GetMapping("/templates")
    @PreAuthorize(CaseworkRoles.READ_EXPRESSION)
    @Operation(summary = "The newest version of every assessment template")
    List<AssessmentTemplate> templates() {
        return assessments.latestTemplates();
    }

    @PostMapping("/templates")
    @PreAuthorize(CaseworkRoles.MANAGE_EXPRESSION)
    @Operation(
            summary = "Publish a new version of an assessment template (earlier versions and their assessments stay)")
    ResponseEntity<AssessmentTemplate> publish(@RequestBody AssessmentTemplate.Command command) {
        return ResponseEntity.status(201).body(assessments.publish(command));
    }

    @GetMapping("/enrolments/{id}/assessments")
    @PreAuthorize(CaseworkRoles.READ_EXPRESSION + " and @caseworkScope.read(#id)")
    @Operation(summary = "The assessments of an enrolment, newest first")
    List<AssessmentView> assessments(@PathVariable long id) {
        logView("Assessment", id);
        return assessments.of(id);
    }

    @PostMapping("/enrolments/{id}/assessments")
    @PreAuthorize(CaseworkRoles.WRITE_EXPRESSION + " and @caseworkScope.write(#id)")
    @Operation(summary = "Record an assessment: every item of the template scored within its scale")
    ResponseEntity<AssessmentView> assess(@PathVariable long id, @Valid @RequestBody AssessmentRequest request) {
        return ResponseEntity.status(201)
                .body(assessments.record(
                        id, request.templateId(), request.assessedOn(), request.scores(), request.notes()));
    }

    @GetMapping("/enrolments/{id}/assessments/compare")
    @PreAuthorize(CaseworkRoles.READ_EXPRESSION + " and @caseworkScope.read(#id)")
    @Operation(summary = "Two assessments side by side: mean score per domain and its change")
    AssessmentComparison compare(@PathVariable long id, @RequestParam("a") long a, @RequestParam("b") long b) {
        logView("Assessment", id);
        return assessments.compare(id, a, b);
    }

    @Schema(name = "CaseworkPlanFromAssessment")
    record PlanFromAssessmentRequest(LocalDate reviewOn) {}

    @PostMapping("/enrolments/{id}/assessments/{assessmentId}/plan")
    @PreAuthorize(CaseworkRoles.WRITE_EXPRESSION + " and @caseworkScope.write(#id)")
    @Operation(
            summary = "A new plan with the goals the assessment suggests: one per domain below the top of the scale,"
                    + " written in the caller's language (Accept-Language)")
    ResponseEntity<PlanView> planFromAssessment(
            @PathVariable long id,
            @PathVariable long assessmentId,
            @RequestBody(required = false) PlanFromAssessmentRequest request,
            java.util.Locale locale) {
        return ResponseEntity.status(201)
                .body(assessmentGoals.plan(id, assessmentId, request == null ? null : request.reviewOn(), locale));
    }

    // -------------------------------------------------------------------------------------------------- plans

    @GetMapping("/enrolments/{id}/plans")
    @PreAuthorize(CaseworkRoles.READ_EXPRESSION + " and @caseworkScope.read(#id)")
    @Operation(summary = "The plans of an enrolment with their goals")
    List<PlanView> plans(@PathVariable long id) {
        logView("Plan", id);
        return plans.of(id);
    }

    @PostMapping("/enrolments/{id}/plans")
    @PreAuthorize(CaseworkRoles.WRITE_EXPRESSION + " and @caseworkScope.write(#id)")
    @Operation(summary = "A new plan with its first goal")
    ResponseEntity<PlanView> createPlan(@PathVariable long id, @Valid @RequestBody PlanRequest request) {
        return ResponseEntity.status(201).body(plans.create(id, request.title(), request.reviewOn(), request.goal()));
    }

    @PostMapping("/enrolments/{id}/plans/{planId}/goals")
    @PreAuthorize(CaseworkRoles.WRITE_EXPRESSION + " and @caseworkScope.write(#id)")
    @Operation(summary = "Add a goal to a plan")
    ResponseEntity<PlanView> addGoal(@PathVariable long id, @PathVariable long planId, @RequestBody GoalCommand goal) {
        return ResponseEntity.status(201).body(plans.addGoal(id, planId, goal));
    }

    @PutMapping("/enrolments/{id}/goals/{goalId}")
    @PreAuthorize(CaseworkRoles.WRITE_EXPRESSION + " and @caseworkScope.write(#id)")
    @Operation(
            summary = "Review a goal: independence level, status, next review and, when achieved, the day;"
                    + " send the version you read")
    PlanView reviewGoal(
            @PathVariable long id, @PathVariable long goalId, @Valid @RequestBody GoalReviewRequest request) {
        return plans.reviewGoal(
                id,
                goalId,
                request.independenceLevel(),
                request.status(),
                request.reviewOn(),
                request.achievedOn(),
                request.version());
    }

    // --------------------------------------------------------------------------------------------- activities

    @GetMapping("/units/{unitId}/activities")
    @PreAuthorize(CaseworkRoles.READ_EXPRESSION + UNIT_READ)
    @Operation(summary = "The latest activities of a unit")
    List<ActivityView> activities(@PathVariable long unitId) {
        return activities.atUnit(unitId, 100);
    }

    @PostMapping("/units/{unitId}/activities")
    @Idempotent
    @PreAuthorize(CaseworkRoles.WRITE_EXPRESSION + UNIT_WRITE)
    @Operation(summary = "Record an activity with its participants' attendance")
    ResponseEntity<ActivityView> recordActivity(@PathVariable long unitId, @RequestBody ActivityCommand command) {
        ActivityView activity = activities.record(unitId, command);
        return ResponseEntity.created(URI.create("/api/v1/casework/activities/" + activity.id()))
                .body(activity);
    }

    @GetMapping("/activities/{id}")
    @PreAuthorize(CaseworkRoles.READ_EXPRESSION + " and @caseworkScope.activity(#id)")
    @Operation(summary = "One activity")
    ActivityView activity(@PathVariable long id) {
        ActivityView activity = activities.get(id);
        audit.record(AuditRecord.of(AuditAction.VIEW, "Activity", id).unit(activity.unitId()));
        return activity;
    }

    @PostMapping(value = "/activities/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(CaseworkRoles.WRITE_EXPRESSION + " and @caseworkScope.activityWrite(#id)")
    @Operation(summary = "Attach a PDF, JPEG or PNG (checked by content) to an activity")
    ResponseEntity<ActivityView.Attachment> attach(
            @PathVariable long id, @RequestPart(value = "file", required = false) MultipartFile file)
            throws IOException {
        return ResponseEntity.status(201)
                .body(activities.attach(
                        id, file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes()));
    }

    // ---------------------------------------------------------------------------------------------- referrals

    @GetMapping("/referrals")
    @PreAuthorize(CaseworkRoles.READ_EXPRESSION)
    @Operation(summary = "Referrals sent from or received by the caller's units")
    List<ReferralView> referrals() {
        return referrals.visible();
    }

    @PostMapping("/referrals")
    @Idempotent
    @PreAuthorize(CaseworkRoles.WRITE_EXPRESSION)
    @Operation(summary = "Refer a person to another unit or an outside service, or record an incoming referral")
    ResponseEntity<ReferralView> refer(@RequestBody ReferralCommand command) {
        ReferralView referral = referrals.create(command);
        return ResponseEntity.status(201).body(referral);
    }

    @GetMapping("/referrals/{id}")
    @PreAuthorize(CaseworkRoles.READ_EXPRESSION + " and @caseworkScope.referralRead(#id)")
    @Operation(summary = "One referral")
    ReferralView referral(@PathVariable long id) {
        return referrals.require(id, CaseworkRoles.READ);
    }

    @PostMapping("/referrals/{id}/decision")
    @PreAuthorize(CaseworkRoles.WRITE_EXPRESSION + " and @caseworkScope.referral(#id)")
    @Operation(summary = "Accept or decline a pending referral (the receiving unit); send the version you read")
    ReferralView decide(@PathVariable long id, @Valid @RequestBody DecisionRequest request) {
        return referrals.decide(id, request.accept(), request.note(), request.version());
    }

    private void logView(String subject, long enrolmentId) {
        enrolments
                .find(enrolmentId)
                .ifPresent(e -> audit.record(AuditRecord.of(AuditAction.VIEW, subject, null)
                        .unit(e.unitId())
                        .purpose("enrolment " + enrolmentId)));
    }
}
