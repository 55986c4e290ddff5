package id.peduli.casework;

import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.organization.Organizations;
import id.peduli.platform.Flash;
import id.peduli.platform.FormErrors;
import id.peduli.platform.Ui;
import id.peduli.registry.PersonView;
import id.peduli.registry.Registry;
import id.peduli.shared.BusinessException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case core's pages: caseload, the programmes tab of a profile, enrolling, an enrolment with its stages,
 * assessments and plans, activities of a unit, and referrals. Every page checks role and scope before it loads
 * anything (404 outside the caller's units, as for a missing id) and logs views of personal data.
 */
@Controller
class CaseworkPageController {

    private final Enrolments enrolments;
    private final Programmes programmes;
    private final Assessments assessments;
    private final Plans plans;
    private final Activities activities;
    private final Referrals referrals;
    private final Caseload caseload;
    private final Registry registry;
    private final Organizations organizations;
    private final id.peduli.access.Access access;
    private final AuditLog audit;

    CaseworkPageController(
            Enrolments enrolments,
            Programmes programmes,
            Assessments assessments,
            Plans plans,
            Activities activities,
            Referrals referrals,
            Caseload caseload,
            Registry registry,
            Organizations organizations,
            id.peduli.access.Access access,
            AuditLog audit) {
        this.enrolments = enrolments;
        this.programmes = programmes;
        this.assessments = assessments;
        this.plans = plans;
        this.activities = activities;
        this.referrals = referrals;
        this.caseload = caseload;
        this.registry = registry;
        this.organizations = organizations;
        this.access = access;
        this.audit = audit;
    }

    // --------------------------------------------------------------------------------------------------- caseload

    @GetMapping("/casework/caseload")
    @PreAuthorize(CaseworkRoles.READ_EXPRESSION)
    String caseload(
            @RequestParam(value = "all", defaultValue = "false") boolean all,
            @RequestParam(value = "stage", required = false) Stage stage,
            @RequestParam(value = "programme", required = false) String programme,
            @RequestParam(value = "overdue", defaultValue = "false") boolean overdue,
            Model model) {
        model.addAttribute("rows", caseload.rows(new Caseload.Filter(all, stage, programme, overdue, false)));
        model.addAttribute("programmes", caseload.programmes());
        model.addAttribute("all", all);
        model.addAttribute("stage", stage);
        model.addAttribute("programme", programme);
        model.addAttribute("overdue", overdue);
        model.addAttribute("today", enrolments.today());
        return "casework/caseload";
    }

    // ------------------------------------------------------------------------------------------ profile fragment

    @GetMapping("/casework/people/{id}/programmes")
    @PreAuthorize(CaseworkRoles.READ_EXPRESSION + " and @registryScope.person(#id)")
    String tab(@PathVariable long id, Model model) {
        PersonView person = registry.person(id).orElseThrow(() -> BusinessException.notFound("person.notFound", id));
        List<EnrolmentView> visible = enrolments.ofPerson(id).stream()
                .filter(e -> access.covers(e.unitId(), CaseworkRoles.READ))
                .toList();
        audit.record(AuditRecord.of(AuditAction.VIEW, "Enrolment", null)
                .unit(person.orgUnitId())
                .purpose("programmes tab")
                .change("person", null, id));
        model.addAttribute("person", person);
        model.addAttribute("enrolments", visible);
        Map<Long, String> programmeNames = new HashMap<>();
        programmes.all().forEach(p -> programmeNames.put(p.id(), p.name()));
        model.addAttribute("programmeNames", programmeNames);
        model.addAttribute("canWrite", access.covers(person.orgUnitId(), CaseworkRoles.WRITE));
        return "casework/tab";
    }

    // ------------------------------------------------------------------------------------------------- enrolling

    @GetMapping("/casework/people/{id}/enrol")
    @PreAuthorize(CaseworkRoles.WRITE_EXPRESSION + " and @registryScope.person(#id)")
    String enrolForm(@PathVariable long id, Model model) {
        PersonView person = registry.person(id).orElseThrow(() -> BusinessException.notFound("person.notFound", id));
        return enrolPage(model, person, null, person.orgUnitId(), enrolments.today(), "", FormErrors.none(), null);
    }

    @PostMapping("/casework/people/{id}/enrol")
    @PreAuthorize(CaseworkRoles.WRITE_EXPRESSION + " and @registryScope.person(#id)")
    String enrol(
            @PathVariable long id,
            @RequestParam(value = "programme", required = false) String programme,
            @RequestParam(value = "unitId", required = false) Long unitId,
            @RequestParam(value = "on", required = false) LocalDate on,
            @RequestParam(value = "reason", required = false) String reason,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        PersonView person = registry.person(id).orElseThrow(() -> BusinessException.notFound("person.notFound", id));
        Long me = access.currentUser().map(u -> u.userId()).orElse(null);
        try {
            if (unitId == null) {
                throw BusinessException.invalid("unitId", "validation.required");
            }
            EnrolmentView enrolment = enrolments.enrol(new EnrolCommand(id, programme, unitId, me, on, reason));
            Flash.success(redirect, ui.t("casework.enrol.done"));
            return "redirect:/casework/enrolments/" + enrolment.id();
        } catch (BusinessException e) {
            response.setStatus(e.status() == 404 ? 422 : e.status());
            String link = "casework.enrol.consentMissing".equals(e.messageKey()) ? Enrolments.consentLink(id) : null;
            return enrolPage(model, person, programme, unitId, on, reason, ui.errors(e), link);
        }
    }

    private String enrolPage(
            Model model,
            PersonView person,
            String programme,
            Long unitId,
            LocalDate on,
            String reason,
            FormErrors errors,
            String consentLink) {
        model.addAttribute("person", person);
        model.addAttribute("programmes", programmes.all());
        model.addAttribute("units", organizations.visibleTo(CaseworkRoles.WRITE));
        model.addAttribute("programme", programme);
        model.addAttribute("unitId", unitId);
        model.addAttribute("on", on);
        model.addAttribute("reason", reason == null ? "" : reason);
        model.addAttribute("errors", errors);
        model.addAttribute("consentLink", consentLink);
        return "casework/enrol";
    }

    // ------------------------------------------------------------------------------------------------ enrolment

    @GetMapping("/casework/enrolments/{id}")
    @PreAuthorize(CaseworkRoles.READ_EXPRESSION + " and @caseworkScope.read(#id)")
    String enrolment(@PathVariable long id, Model model) {
        return enrolmentPage(id, model, FormErrors.none(), true);
    }

    private String enrolmentPage(long id, Model model, FormErrors errors, boolean log) {
        EnrolmentView enrolment = enrolments.find(id).orElseThrow(() -> Enrolments.notFound(id));
        if (log) {
            audit.record(AuditRecord.of(AuditAction.VIEW, "Enrolment", id)
                    .unit(enrolment.unitId())
                    .purpose("person " + enrolment.personId()));
        }
        model.addAttribute("enrolment", enrolment);
        model.addAttribute(
                "personName",
                registry.person(enrolment.personId()).map(PersonView::fullName).orElse("—"));
        model.addAttribute("programme", programmes.find(enrolment.programmeId()).orElseThrow());
        model.addAttribute("unitName", organizations.name(enrolment.unitId()));
        model.addAttribute("history", enrolments.history(id));
        model.addAttribute("next", Enrolments.nextStages(enrolment.stage()));
        model.addAttribute("assessments", assessments.of(id));
        model.addAttribute("templates", assessments.latestTemplates());
        model.addAttribute("plans", plans.of(id));
        model.addAttribute("activities", activities.ofEnrolment(id));
        model.addAttribute("components", RehabComponent.values());
        model.addAttribute("canWrite", access.covers(enrolment.unitId(), CaseworkRoles.WRITE));
        model.addAttribute("today", enrolments.today());
        model.addAttribute("errors", errors);
        return "casework/enrolment";
    }

    @PostMapping("/casework/enrolments/{id}/transition")
    @PreAuthorize(CaseworkRoles.WRITE_EXPRESSION + " and @caseworkScope.write(#id)")
    String transition(
            @PathVariable long id,
            @RequestParam(value = "to", required = false) Stage to,
            @RequestParam(value = "reason", required = false) String reason,
            @RequestParam(value = "on", required = false) LocalDate on,
            @RequestParam(value = "version", defaultValue = "-1") long version,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return onEnrolment(id, "", ui, model, response, redirect, () -> {
            if (to == null) {
                throw BusinessException.invalid("to", "validation.required");
            }
            enrolments.transition(id, to, reason, on, version);
            return ui.t("casework.stage.changed", ui.t(to.labelKey()));
        });
    }

    @PostMapping("/casework/enrolments/{id}/plans")
    @PreAuthorize(CaseworkRoles.WRITE_EXPRESSION + " and @caseworkScope.write(#id)")
    String createPlan(
            @PathVariable long id,
            @RequestParam(value = "title", required = false) String title,
            @RequestParam(value = "planReviewOn", required = false) LocalDate planReviewOn,
            @ModelAttribute GoalCommand goal,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return onEnrolment(id, "#plans", ui, model, response, redirect, () -> {
            plans.create(id, title, planReviewOn, goal);
            return ui.t("casework.plan.saved");
        });
    }

    @PostMapping("/casework/enrolments/{id}/plans/{planId}/goals")
    @PreAuthorize(CaseworkRoles.WRITE_EXPRESSION + " and @caseworkScope.write(#id)")
    String addGoal(
            @PathVariable long id,
            @PathVariable long planId,
            @ModelAttribute GoalCommand goal,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return onEnrolment(id, "#plans", ui, model, response, redirect, () -> {
            plans.addGoal(id, planId, goal);
            return ui.t("casework.plan.saved");
        });
    }

    @PostMapping("/casework/enrolments/{id}/goals/{goalId}")
    @PreAuthorize(CaseworkRoles.WRITE_EXPRESSION + " and @caseworkScope.write(#id)")
    String reviewGoal(
            @PathVariable long id,
            @PathVariable long goalId,
            @RequestParam(value = "independenceLevel", defaultValue = "0") int level,
            @RequestParam(value = "status", required = false) String status,
            @RequestParam(value = "reviewOn", required = false) LocalDate reviewOn,
            @RequestParam(value = "achievedOn", required = false) LocalDate achievedOn,
            @RequestParam(value = "version", defaultValue = "-1") long version,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return onEnrolment(id, "#plans", ui, model, response, redirect, () -> {
            plans.reviewGoal(id, goalId, level, status, reviewOn, achievedOn, version);
            return ui.t("casework.plan.saved");
        });
    }

    /**
     * A change on the enrolment page: done, back to the page (at {@code anchor}) with the message the change answers;
     * refused, the page again with the reason, nothing written.
     */
    private String onEnrolment(
            long id,
            String anchor,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect,
            java.util.function.Supplier<String> change) {
        try {
            Flash.success(redirect, change.get());
            return "redirect:/casework/enrolments/" + id + anchor;
        } catch (BusinessException e) {
            response.setStatus(e.status());
            return enrolmentPage(id, model, ui.errors(e), false);
        }
    }

    // ---------------------------------------------------------------------------------------------- assessments

    @GetMapping("/casework/enrolments/{id}/assessments/new")
    @PreAuthorize(CaseworkRoles.WRITE_EXPRESSION + " and @caseworkScope.write(#id)")
    String assessmentForm(
            @PathVariable long id, @RequestParam(value = "template", required = false) Long template, Model model) {
        return assessmentPage(id, template, Map.of(), enrolments.today(), "", FormErrors.none(), model);
    }

    @PostMapping("/casework/enrolments/{id}/assessments")
    @PreAuthorize(CaseworkRoles.WRITE_EXPRESSION + " and @caseworkScope.write(#id)")
    String assess(
            @PathVariable long id,
            @RequestParam Map<String, String> form,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Long template = parseLong(form.get("template"));
        LocalDate on = parseDate(form.get("assessedOn"));
        Map<Long, Integer> scores = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("score") && parseLong(k.substring(5)) != null && v != null && !v.isBlank()) {
                Long score = parseLong(v);
                scores.put(parseLong(k.substring(5)), score == null ? Integer.MIN_VALUE : score.intValue());
            }
        });
        try {
            if (template == null) {
                throw BusinessException.invalid("template", "casework.template.unknown");
            }
            assessments.record(id, template, on, scores, form.get("notes"));
            Flash.success(redirect, ui.t("casework.assessment.saved"));
            return "redirect:/casework/enrolments/" + id + "#assessments";
        } catch (BusinessException e) {
            response.setStatus(e.status());
            return assessmentPage(id, template, scores, on, form.get("notes"), ui.errors(e), model);
        }
    }

    private String assessmentPage(
            long id,
            Long templateId,
            Map<Long, Integer> scores,
            LocalDate on,
            String notes,
            FormErrors errors,
            Model model) {
        EnrolmentView enrolment = enrolments.find(id).orElseThrow(() -> Enrolments.notFound(id));
        List<AssessmentTemplate> templates = assessments.latestTemplates();
        AssessmentTemplate template = templateId == null
                ? (templates.isEmpty() ? null : templates.get(0))
                : assessments.template(templateId).orElse(null);
        model.addAttribute("enrolment", enrolment);
        model.addAttribute(
                "personName",
                registry.person(enrolment.personId()).map(PersonView::fullName).orElse("—"));
        model.addAttribute("templates", templates);
        model.addAttribute("template", template);
        model.addAttribute("scores", scores);
        model.addAttribute("on", on);
        model.addAttribute("notes", notes == null ? "" : notes);
        model.addAttribute("errors", errors);
        return "casework/assessment-form";
    }

    @GetMapping("/casework/enrolments/{id}/assessments/compare")
    @PreAuthorize(CaseworkRoles.READ_EXPRESSION + " and @caseworkScope.read(#id)")
    String compare(@PathVariable long id, @RequestParam("a") long a, @RequestParam("b") long b, Model model) {
        EnrolmentView enrolment = enrolments.find(id).orElseThrow(() -> Enrolments.notFound(id));
        AssessmentComparison comparison = assessments.compare(id, a, b);
        audit.record(AuditRecord.of(AuditAction.VIEW, "Assessment", a + "," + b)
                .unit(enrolment.unitId())
                .purpose("enrolment " + id));
        model.addAttribute("enrolment", enrolment);
        model.addAttribute(
                "personName",
                registry.person(enrolment.personId()).map(PersonView::fullName).orElse("—"));
        model.addAttribute("comparison", comparison);
        return "casework/compare";
    }

    // ----------------------------------------------------------------------------------------------- activities

    @GetMapping("/casework/units/{unitId}/activities")
    @PreAuthorize(CaseworkRoles.READ_EXPRESSION + " and @access.coversOrNotFound(#unitId, 'casework.unit.notFound', "
            + "'SOCIAL_WORKER', 'SITE_MENTOR', 'PROGRAM_MANAGER', 'UNIT_HEAD')")
    String activities(@PathVariable long unitId, Model model) {
        return activitiesPage(unitId, model, FormErrors.none());
    }

    private String activitiesPage(long unitId, Model model, FormErrors errors) {
        List<EnrolmentView> active = enrolments.activeAt(unitId, enrolments.today());
        model.addAttribute("unitId", unitId);
        model.addAttribute("unitName", organizations.name(unitId));
        model.addAttribute("activities", activities.atUnit(unitId, 100));
        model.addAttribute("active", active);
        model.addAttribute("names", names(active));
        model.addAttribute("types", Activities.TYPES);
        model.addAttribute("components", RehabComponent.values());
        model.addAttribute("canWrite", access.covers(unitId, CaseworkRoles.WRITE));
        model.addAttribute("today", enrolments.today());
        model.addAttribute("errors", errors);
        return "casework/activities";
    }

    @PostMapping("/casework/units/{unitId}/activities")
    @PreAuthorize(CaseworkRoles.WRITE_EXPRESSION + " and @access.coversOrNotFound(#unitId, 'casework.unit.notFound', "
            + "'SOCIAL_WORKER', 'SITE_MENTOR', 'PROGRAM_MANAGER')")
    String recordActivity(
            @PathVariable long unitId,
            @RequestParam Map<String, String> form,
            @RequestParam(value = "participant", required = false) List<Long> participants,
            @RequestParam(value = "attended", required = false) List<Long> attended,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<Long, Boolean> attendance = new HashMap<>();
        if (participants != null) {
            participants.forEach(p -> attendance.put(p, attended != null && attended.contains(p)));
        }
        try {
            RehabComponent component =
                    form.get("component") == null || form.get("component").isBlank()
                            ? null
                            : RehabComponent.valueOf(form.get("component"));
            Long minutes = parseLong(form.get("durationMinutes"));
            ActivityView activity = activities.record(
                    unitId,
                    new ActivityCommand(
                            form.get("type"),
                            parseDate(form.get("heldOn")),
                            minutes == null ? null : minutes.intValue(),
                            form.get("staff"),
                            component,
                            form.get("notes"),
                            attendance));
            Flash.success(redirect, ui.t("casework.activity.saved"));
            return "redirect:/casework/activities/" + activity.id();
        } catch (IllegalArgumentException e) {
            response.setStatus(422);
            return activitiesPage(
                    unitId, model, ui.errors(BusinessException.invalid("component", "validation.required")));
        } catch (BusinessException e) {
            response.setStatus(e.status());
            return activitiesPage(unitId, model, ui.errors(e));
        }
    }

    @GetMapping("/casework/activities/{id}")
    @PreAuthorize(CaseworkRoles.READ_EXPRESSION + " and @caseworkScope.activity(#id)")
    String activity(@PathVariable long id, Model model) {
        return activityPage(id, model, FormErrors.none());
    }

    private String activityPage(long id, Model model, FormErrors errors) {
        ActivityView activity = activities.get(id);
        audit.record(AuditRecord.of(AuditAction.VIEW, "Activity", id).unit(activity.unitId()));
        model.addAttribute("activity", activity);
        model.addAttribute("unitName", organizations.name(activity.unitId()));
        Map<Long, String> names = new HashMap<>();
        activity.participants()
                .forEach(p -> names.put(
                        p.personId(),
                        registry.person(p.personId()).map(PersonView::fullName).orElse("—")));
        model.addAttribute("names", names);
        model.addAttribute("canWrite", access.covers(activity.unitId(), CaseworkRoles.WRITE));
        model.addAttribute("errors", errors);
        return "casework/activity";
    }

    @PostMapping("/casework/activities/{id}/attachments")
    @PreAuthorize(CaseworkRoles.WRITE_EXPRESSION + " and @caseworkScope.activityWrite(#id)")
    String attach(
            @PathVariable long id,
            @RequestParam(value = "file", required = false) MultipartFile file,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect)
            throws IOException {
        try {
            activities.attach(
                    id, file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes());
            Flash.success(redirect, ui.t("casework.attachment.saved"));
            return "redirect:/casework/activities/" + id;
        } catch (BusinessException e) {
            response.setStatus(e.status());
            return activityPage(id, model, ui.errors(e));
        }
    }

    @GetMapping("/casework/activities/{id}/attachments/{attachmentId}")
    @PreAuthorize(CaseworkRoles.READ_EXPRESSION + " and @caseworkScope.activity(#id)")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
        Activities.Download download = activities
                .download(id, attachmentId)
                .orElseThrow(() -> BusinessException.notFound("casework.attachment.notFound", attachmentId));
        audit.record(AuditRecord.of(AuditAction.VIEW, "ActivityAttachment", attachmentId)
                .unit(activities.requireActivity(id, CaseworkRoles.READ)));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(download.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(download.fileName())
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(download.content());
    }

    // ------------------------------------------------------------------------------------------------ referrals

    @GetMapping("/casework/referrals")
    @PreAuthorize(CaseworkRoles.READ_EXPRESSION)
    String referralsPage(Model model) {
        return referralsPage(model, FormErrors.none());
    }

    private String referralsPage(Model model, FormErrors errors) {
        List<ReferralView> list = referrals.visible();
        Map<Long, String> names = new HashMap<>();
        Map<Long, Boolean> decidable = new HashMap<>();
        for (ReferralView r : list) {
            names.put(
                    r.personId(),
                    registry.person(r.personId()).map(PersonView::fullName).orElse("—"));
            Long deciding = "OUTGOING".equals(r.direction()) ? r.fromUnitId() : r.toUnitId();
            decidable.put(r.id(), r.pending() && access.covers(deciding, CaseworkRoles.WRITE));
        }
        Map<Long, String> unitNames = new HashMap<>();
        organizations.tree().forEach(u -> unitNames.put(u.id(), u.name()));
        model.addAttribute("referrals", list);
        model.addAttribute("names", names);
        model.addAttribute("unitNames", unitNames);
        model.addAttribute("decidable", decidable);
        model.addAttribute("units", organizations.visibleTo(CaseworkRoles.WRITE));
        model.addAttribute("allUnits", organizations.tree());
        model.addAttribute("programmes", programmes.all());
        model.addAttribute("errors", errors);
        return "casework/referrals";
    }

    @PostMapping("/casework/referrals")
    @PreAuthorize(CaseworkRoles.WRITE_EXPRESSION)
    String refer(
            @RequestParam Map<String, String> form,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            Long personId = parseLong(form.get("personId"));
            if (personId == null) {
                throw BusinessException.invalid("personId", "validation.required");
            }
            referrals.create(new ReferralCommand(
                    personId,
                    form.get("direction"),
                    parseLong(form.get("fromUnitId")),
                    parseLong(form.get("toUnitId")),
                    form.get("outsideService"),
                    form.get("reason"),
                    parseDate(form.get("referredOn")),
                    form.get("programmeCode")));
            Flash.success(redirect, ui.t("casework.referral.saved"));
            return "redirect:/casework/referrals";
        } catch (BusinessException e) {
            response.setStatus(e.status() == 404 ? 422 : e.status());
            return referralsPage(model, ui.errors(e));
        }
    }

    @PostMapping("/casework/referrals/{id}/decide")
    @PreAuthorize(CaseworkRoles.WRITE_EXPRESSION + " and @caseworkScope.referral(#id)")
    String decide(
            @PathVariable long id,
            @RequestParam(value = "accept", required = false) Boolean accept,
            @RequestParam(value = "note", required = false) String note,
            @RequestParam(value = "version", defaultValue = "-1") long version,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            if (accept == null) {
                throw BusinessException.invalid("accept", "validation.required");
            }
            referrals.decide(id, accept, note, version);
            Flash.success(redirect, ui.t("casework.referral.decidedNow"));
            return "redirect:/casework/referrals";
        } catch (BusinessException e) {
            response.setStatus(e.status());
            return referralsPage(model, ui.errors(e));
        }
    }

    // -------------------------------------------------------------------------------------------------- helpers

    private Map<Long, String> names(List<EnrolmentView> list) {
        Map<Long, String> names = new HashMap<>();
        for (EnrolmentView e : list) {
            names.computeIfAbsent(
                    e.personId(),
                    p -> registry.person(p).map(PersonView::fullName).orElse("—"));
        }
        return names;
    }

    static Long parseLong(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static LocalDate parseDate(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
