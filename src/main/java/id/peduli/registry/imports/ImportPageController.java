package id.peduli.registry.imports;

import id.peduli.platform.FormErrors;
import id.peduli.platform.Ui;
import id.peduli.registry.RegistryRoles;
import id.peduli.shared.BusinessException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import wizard: download the template, upload a file for a unit, map its columns, validate, read the report,
 * commit. While a job runs its page polls a progress fragment every second; the page can be left and the job found
 * again in the list.
 */
@Controller
@RequestMapping("/people/import")
@PreAuthorize(RegistryRoles.IMPORT_READ_EXPRESSION)
class ImportPageController {

    private static final int PREVIEW = 200;

    private final ImportJobs jobs;
    private final ImportReport report;
    private final ImportTemplate template;

    ImportPageController(ImportJobs jobs, ImportReport report, ImportTemplate template) {
        this.jobs = jobs;
        this.report = report;
        this.template = template;
    }

    @GetMapping
    String list(Model model) {
        return list(model, FormErrors.none(), null);
    }

    private String list(Model model, FormErrors errors, Long unitId) {
        model.addAttribute("jobs", jobs.list());
        model.addAttribute("units", jobs.importUnits());
        model.addAttribute("errors", errors);
        model.addAttribute("unitId", unitId);
        return "registry/imports/list";
    }

    @PostMapping
    @PreAuthorize(RegistryRoles.IMPORT_EXPRESSION)
    String upload(
            @RequestParam(value = "orgUnitId", required = false) Long orgUnitId,
            @RequestParam(value = "file", required = false) MultipartFile file,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            boolean none = file == null
                    || (file.isEmpty()
                            && (file.getOriginalFilename() == null
                                    || file.getOriginalFilename().isBlank()));
            InputStream content = none ? null : file.getInputStream();
            ImportJobView job =
                    jobs.upload(orgUnitId, file == null ? null : file.getOriginalFilename(), content, Map.of());
            redirect.addFlashAttribute("success", ui.t("import.uploaded", job.fileName(), ui.number(job.totalRows())));
            return "redirect:/people/import/" + job.id();
        } catch (BusinessException e) {
            response.setStatus(e.status() == 403 ? 403 : 422);
            return list(model, ui.errors(e), orgUnitId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/template.csv")
    void templateCsv(HttpServletResponse response) throws IOException {
        download(response, "text/csv;charset=UTF-8", "peduli-import-template.csv");
        template.csv(response.getOutputStream());
    }

    /** The guide that goes with the CSV template: every column and what to write in it, as in the XLSX's help sheet. */
    @GetMapping("/template-guide")
    String templateGuide(Ui ui, Model model) {
        ui.crumb("import.title", "/people/import");
        ui.crumb("import.guide.title", null);
        model.addAttribute(
                "columns",
                java.util.Arrays.stream(ImportField.values())
                        .map(f -> java.util.Map.entry(f.column(), ui.t("import.help." + f.column())))
                        .toList());
        return "registry/imports/guide";
    }

    @GetMapping("/template.xlsx")
    void templateXlsx(Ui ui, HttpServletResponse response) throws IOException {
        download(
                response,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "peduli-import-template.xlsx");
        template.xlsx(response.getOutputStream(), ui.locale());
    }

    @GetMapping("/{id}")
    String job(@PathVariable long id, Model model) {
        return job(model, jobs.get(id), FormErrors.none());
    }

    private String job(Model model, ImportJobView job, FormErrors errors) {
        model.addAttribute("job", job);
        model.addAttribute("errors", errors);
        model.addAttribute("fields", ImportField.values());
        model.addAttribute(
                "issues",
                "VALIDATED".equals(job.status()) || "COMMITTED".equals(job.status())
                        ? report.first(job, LocaleContextHolder.getLocale(), PREVIEW)
                        : List.of());
        model.addAttribute("preview", PREVIEW);
        return "registry/imports/job";
    }

    @GetMapping("/{id}/progress")
    String progress(@PathVariable long id, Model model, HttpServletResponse response) {
        ImportJobView job = jobs.get(id);
        if (!job.running()) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("job", job);
        return "registry/imports/progress";
    }

    @PostMapping("/{id}/validate")
    String validate(
            @PathVariable long id,
            @RequestParam Map<String, String> params,
            Ui ui,
            Model model,
            HttpServletResponse response) {
        Map<String, Integer> mapping = new LinkedHashMap<>();
        for (ImportField field : ImportField.values()) {
            String value = params.get("map_" + field.column());
            if (value != null && !value.isBlank()) {
                try {
                    mapping.put(field.column(), Integer.parseInt(value.trim()));
                } catch (NumberFormatException e) {
                    mapping.put(field.column(), -1);
                }
            }
        }
        try {
            jobs.validate(id, mapping);
            return "redirect:/people/import/" + id;
        } catch (BusinessException e) {
            if (e.status() == 404) {
                throw e;
            }
            response.setStatus(e.status() == 403 ? 403 : e.status() == 409 ? 409 : 422);
            ImportJobView job = jobs.get(id);
            ImportJobView shown = job.withMapping(mapping);
            return job(model, shown, ui.errors(e));
        }
    }

    @PostMapping("/{id}/commit")
    String commit(
            @PathVariable long id,
            @RequestParam(value = "mode", required = false) String mode,
            Ui ui,
            Model model,
            HttpServletResponse response) {
        try {
            jobs.commit(id, parseMode(mode));
            return "redirect:/people/import/" + id;
        } catch (BusinessException e) {
            if (e.status() == 404) {
                throw e;
            }
            response.setStatus(e.status() == 403 ? 403 : e.status() == 409 ? 409 : 422);
            return job(model, jobs.get(id), ui.errors(e));
        }
    }

    @PostMapping("/{id}/discard")
    String discard(
            @PathVariable long id, Ui ui, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            ImportJobView job = jobs.discard(id);
            redirect.addFlashAttribute("success", ui.t("import.discarded", job.fileName()));
            return "redirect:/people/import";
        } catch (BusinessException e) {
            if (e.status() == 404) {
                throw e;
            }
            response.setStatus(e.status() == 403 ? 403 : 409);
            return job(model, jobs.get(id), ui.errors(e));
        }
    }

    @GetMapping("/{id}/report.csv")
    void reportCsv(@PathVariable long id, Ui ui, HttpServletResponse response) throws IOException {
        ImportJobView job = jobs.get(id);
        jobs.logReport(job, "CSV");
        download(response, "text/csv;charset=UTF-8", "peduli-import-" + id + "-report.csv");
        report.csv(job, ui.locale(), response.getOutputStream());
    }

    @GetMapping("/{id}/report.xlsx")
    void reportXlsx(@PathVariable long id, Ui ui, HttpServletResponse response) throws IOException {
        ImportJobView job = jobs.get(id);
        jobs.logReport(job, "XLSX");
        download(
                response,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "peduli-import-" + id + "-report.xlsx");
        report.xlsx(job, ui.locale(), response.getOutputStream());
    }

    static ImportMode parseMode(String mode) {
        if (mode == null || mode.isBlank()) {
            return null;
        }
        try {
            return ImportMode.valueOf(mode.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw BusinessException.invalid("mode", "import.commit.modeRequired");
        }
    }

    static void download(HttpServletResponse response, String contentType, String fileName) {
        response.setContentType(contentType);
        response.setHeader(
                "Content-Disposition",
                ContentDisposition.attachment().filename(fileName).build().toString());
        response.setHeader("Cache-Control", "no-store");
    }
}
