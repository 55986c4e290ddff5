package id.peduli.registry.search;

import id.peduli.access.Access;
import id.peduli.platform.FormErrors;
import id.peduli.platform.Ui;
import id.peduli.registry.RegistryRoles;
import id.peduli.shared.BusinessException;
import id.peduli.shared.PageResult;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The registry's landing page: one search box for a name, NIK or KK number, filters, results and export. The search
 * form is posted to {@code /people/search}, so a NIK or KK never appears in addresses or browser history; filters
 * alone also work as links ({@code /people?region=33.23&sex=F}).
 */
@Controller
@PreAuthorize(RegistryRoles.READ_EXPRESSION)
class PersonSearchPageController {

    static final int PAGE_SIZE = 20;

    private final PersonSearch search;
    private final SearchInput input;
    private final PersonExport export;
    private final Access access;
    private final PersonLookups lookups;

    PersonSearchPageController(
            PersonSearch search, SearchInput input, PersonExport export, Access access, PersonLookups lookups) {
        this.lookups = lookups;
        this.search = search;
        this.input = input;
        this.export = export;
        this.access = access;
    }

    /** The search fields (q, region, ageFrom, ageTo, sex, disability) bind to {@link PersonSearchForm}. */
    @GetMapping("/people")
    String list(
            PersonSearchForm form,
            @RequestParam(defaultValue = "0") int page,
            Ui ui,
            Model model,
            HttpServletResponse response) {
        return render(form, false, page, PersonSearchPage.ExportForm.empty(), FormErrors.none(), ui, model, response);
    }

    @PostMapping("/people/search")
    String search(
            PersonSearchForm form,
            @RequestParam(defaultValue = "0") int page,
            Ui ui,
            Model model,
            HttpServletResponse response) {
        return render(form, true, page, PersonSearchPage.ExportForm.empty(), FormErrors.none(), ui, model, response);
    }

    /** Streams the file, or shows the search again with the reason the export was refused. */
    @PostMapping("/people/export")
    @PreAuthorize(RegistryRoles.EXPORT_EXPRESSION)
    String export(
            PersonSearchForm form,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String format,
            @RequestParam(defaultValue = "false") boolean includeFullNik,
            Ui ui,
            Model model,
            HttpServletResponse response) {
        PersonSearchPage.ExportForm exportForm = new PersonSearchPage.ExportForm(
                reason == null ? "" : reason.strip(), format == null ? "CSV" : format, includeFullNik);
        SearchCriteria criteria;
        try {
            criteria = input.criteria(form, true);
        } catch (BusinessException e) {
            return render(form, true, 0, exportForm, FormErrors.none(), ui, model, response);
        }
        try {
            export.export(
                    criteria,
                    reason,
                    PersonExport.Format.parse(format),
                    includeFullNik,
                    ui.locale(),
                    PersonExport.Target.download(response));
            return null;
        } catch (BusinessException e) {
            return render(form, true, 0, exportForm, ui.errors(e), ui, model, response);
        }
    }

    private String render(
            PersonSearchForm form,
            boolean identifierAllowed,
            int page,
            PersonSearchPage.ExportForm exportForm,
            FormErrors exportErrors,
            Ui ui,
            Model model,
            HttpServletResponse response) {
        ui.crumb("nav.people", null);
        FormErrors errors = FormErrors.none();
        PageResult<PersonSummary> result = new PageResult<>(List.of(), 0, PAGE_SIZE, 0);
        try {
            result = lookups.run(input.criteria(form, identifierAllowed), page, PAGE_SIZE);
        } catch (BusinessException e) {
            errors = ui.errors(e);
            response.setStatus(e.status() == 429 ? 429 : 422);
        }
        if (exportErrors.any()) {
            response.setStatus(422);
        }
        boolean canExport = export.allowed();
        model.addAttribute(
                "page",
                new PersonSearchPage(
                        form,
                        errors,
                        result,
                        access.hasAnyRole(RegistryRoles.WRITE),
                        canExport,
                        canExport && search.fullIdentifiersFor(search.scope(RegistryRoles.EXPORT)),
                        export.maxRows(),
                        exportForm,
                        exportErrors));
        return "registry/search";
    }
}
