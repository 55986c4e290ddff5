package id.peduli.casework;

import id.peduli.platform.Flash;
import id.peduli.platform.FormErrors;
import id.peduli.platform.Ui;
import id.peduli.shared.BusinessException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Assessment templates for programme managers (every version, and a new version published from a plain text outline)
 * and the goals an assessment suggests, written into a new plan of the enrolment.
 *
 * <p>The outline has one line per domain, starting with {@code #}: {@code # CODE | name | English name}, followed by
 * one line per item: {@code text | English text}. A new version leaves earlier ones, and the assessments scored with
 * them, as they were.
 */
@Controller
class TemplatePageController {

    private final Assessments assessments;
    private final AssessmentGoals goals;
    private final Clock clock;

    TemplatePageController(Assessments assessments, AssessmentGoals goals, Clock clock) {
        this.assessments = assessments;
        this.goals = goals;
        this.clock = clock;
    }

    @PostMapping("/casework/enrolments/{id}/assessments/{assessmentId}/plan")
    @PreAuthorize(CaseworkRoles.WRITE_EXPRESSION + " and @caseworkScope.write(#id)")
    String planFromAssessment(
            @PathVariable long id,
            @PathVariable long assessmentId,
            @RequestParam(value = "reviewOn", required = false) String reviewOn,
            Ui ui,
            RedirectAttributes redirect) {
        try {
            goals.plan(id, assessmentId, CaseworkPageController.parseDate(reviewOn), ui.locale());
            Flash.success(redirect, ui.t("casework.fromAssessment.saved"));
        } catch (BusinessException e) {
            Flash.error(redirect, ui.t(e.messageKey(), e.args()));
        }
        return "redirect:/casework/enrolments/" + id + "#plans";
    }

    @GetMapping("/casework/templates")
    @PreAuthorize(CaseworkRoles.MANAGE_EXPRESSION)
    String templates(@RequestParam(value = "code", required = false) String code, Model model) {
        AssessmentTemplate base = code == null ? null : assessments.latest(code).orElse(null);
        return page(model, base, base == null ? "" : outline(base), FormErrors.none());
    }

    @PostMapping("/casework/templates")
    @PreAuthorize(CaseworkRoles.MANAGE_EXPRESSION)
    String publish(
            @RequestParam(value = "code", required = false) String code,
            @RequestParam(value = "name", required = false) String name,
            @RequestParam(value = "nameEn", required = false) String nameEn,
            @RequestParam(value = "scaleMin", defaultValue = "1") int scaleMin,
            @RequestParam(value = "scaleMax", defaultValue = "5") int scaleMax,
            @RequestParam(value = "outline", required = false) String outline,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        AssessmentTemplate.Command command = new AssessmentTemplate.Command(
                code == null ? null : code.strip(), name, nameEn, scaleMin, scaleMax, parse(outline));
        try {
            AssessmentTemplate published = assessments.publish(command);
            Flash.success(redirect, ui.t("casework.template.published", published.version()));
            return "redirect:/casework/templates";
        } catch (BusinessException e) {
            response.setStatus(e.status());
            AssessmentTemplate draft =
                    new AssessmentTemplate(0, command.code(), 0, name, nameEn, scaleMin, scaleMax, List.of());
            return page(model, draft, outline == null ? "" : outline, ui.errors(e));
        }
    }

    private String page(Model model, AssessmentTemplate base, String outline, FormErrors errors) {
        model.addAttribute("templates", assessments.allTemplates());
        model.addAttribute("base", base);
        model.addAttribute("outline", outline);
        model.addAttribute("errors", errors);
        model.addAttribute("today", LocalDate.now(clock));
        return "casework/templates";
    }

    /** The template's domains and items as the outline the form edits. */
    static String outline(AssessmentTemplate template) {
        StringBuilder out = new StringBuilder();
        for (AssessmentTemplate.Domain d : template.domains()) {
            out.append("# ")
                    .append(d.code())
                    .append(" | ")
                    .append(d.name())
                    .append(" | ")
                    .append(d.nameEn())
                    .append('\n');
            for (AssessmentTemplate.Item i : d.items()) {
                out.append(i.text()).append(" | ").append(i.textEn()).append('\n');
            }
        }
        return out.toString();
    }

    /** The outline as domains with items; a line that does not fit leaves a domain or item incomplete (refused). */
    static List<AssessmentTemplate.DomainCommand> parse(String outline) {
        List<AssessmentTemplate.DomainCommand> domains = new ArrayList<>();
        if (outline == null) {
            return domains;
        }
        String code = null;
        String name = null;
        String nameEn = null;
        List<AssessmentTemplate.ItemCommand> items = null;
        for (String raw : outline.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.replaceFirst("^#", "").split("\\|", -1);
            if (line.startsWith("#")) {
                if (items != null) {
                    domains.add(new AssessmentTemplate.DomainCommand(code, name, nameEn, items));
                }
                code = part(parts, 0);
                name = part(parts, 1);
                nameEn = part(parts, 2);
                items = new ArrayList<>();
            } else {
                if (items == null) {
                    items = new ArrayList<>();
                }
                items.add(new AssessmentTemplate.ItemCommand(part(parts, 0), part(parts, 1)));
            }
        }
        if (items != null) {
            domains.add(new AssessmentTemplate.DomainCommand(code, name, nameEn, items));
        }
        return domains;
    }

    private static String part(String[] parts, int index) {
        return index < parts.length && !parts[index].isBlank() ? parts[index].strip() : null;
    }
}
