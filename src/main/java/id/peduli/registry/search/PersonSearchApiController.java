package id.peduli.registry.search;

import id.peduli.platform.ApiDownload;
import id.peduli.registry.RegistryRoles;
import id.peduli.registry.person.NikChecks;
import id.peduli.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/people")
@PreAuthorize(RegistryRoles.READ_EXPRESSION)
@Tag(
        name = "People search",
        description = "Find people in the registry within the units your grants cover. Lists show the NIK masked. "
                + "A NIK or KK number never goes into a URL: look it up with POST /api/v1/people/lookup.")
class PersonSearchApiController {

    private final SearchInput input;
    private final PersonExport export;
    private final PersonLookups lookups;
    private final MessageSource messages;

    PersonSearchApiController(SearchInput input, PersonExport export, PersonLookups lookups, MessageSource messages) {
        this.messages = messages;
        this.input = input;
        this.export = export;
        this.lookups = lookups;
    }

    /** An exact lookup: exactly one of the two, 16 digits (spaces and dots are ignored). */
    @Schema(name = "PersonLookupRequest")
    record LookupRequest(String nik, String kk) {}

    /** The search to export, why, and how. */
    @Schema(name = "PersonExportRequest")
    record ExportRequest(
            String q,
            String region,
            Integer ageFrom,
            Integer ageTo,
            String sex,
            String disability,
            String reason,
            String format,
            Boolean includeFullNik) {

        PersonSearchForm form() {
            return new PersonSearchForm(
                    q,
                    region,
                    ageFrom == null ? null : ageFrom.toString(),
                    ageTo == null ? null : ageTo.toString(),
                    sex,
                    disability);
        }
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Search people",
            description = "By name (typos and spelling variants such as Muhamad/Muhammad/Mohammad are tolerated; "
                    + "the closest names come first) and by filters. Without q: everyone within the filters, by "
                    + "name. Merged records are left out.")
    PageResult<PersonSummary> search(
            @Parameter(description = "Name or part of a name") @RequestParam(required = false) String q,
            @Parameter(description = "Region code; people in it or below it, e.g. 33.23")
                    @RequestParam(required = false)
                    String region,
            @Parameter(description = "Youngest age in years") @RequestParam(required = false) String ageFrom,
            @Parameter(description = "Oldest age in years") @RequestParam(required = false) String ageTo,
            @Parameter(description = "M or F") @RequestParam(required = false) String sex,
            @Parameter(description = "PHYSICAL, INTELLECTUAL, MENTAL or SENSORY") @RequestParam(required = false)
                    String disability,
            @Parameter(
                            description = "Page number, from 0; only the first 10,000 results can be paged through,"
                                    + " a larger page number is answered with the last page within them")
                    @RequestParam(defaultValue = "0")
                    int page,
            @Parameter(description = "Page size, 1 to 200") @RequestParam(defaultValue = "20") int size) {
        PersonSearchForm form = new PersonSearchForm(q, region, ageFrom, ageTo, sex, disability);
        return lookups.run(input.criteria(form, false), page, size);
    }

    @PostMapping(
            path = "/lookup",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Look people up by NIK or KK number",
            description = "Body {\"nik\": \"...\"} finds the person with this NIK; {\"kk\": \"...\"} the members of "
                    + "the household that has or had this family card number. Only people within your units.")
    PageResult<PersonSummary> lookup(@RequestBody LookupRequest request) {
        SearchCriteria criteria = input.identifier(request.nik(), request.kk());
        return lookups.run(criteria, 0, 200);
    }

    /** Too many NIK or KK answers in the last hour: 429 with Retry-After. */
    @ExceptionHandler(NikChecks.LimitReached.class)
    ResponseEntity<ProblemDetail> tooManyChecks(NikChecks.LimitReached e, Locale locale) {
        return NikChecks.problem(e, messages, locale);
    }

    @PreAuthorize(RegistryRoles.EXPORT_EXPRESSION)
    @ApiDownload({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @PostMapping(path = "/export", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Export search results to CSV or XLSX",
            description = "Needs an export role and a reason (10 to 500 characters); written to the processing log. "
                    + "NIK and KK are masked unless includeFullNik is true and your role sees them for every unit "
                    + "you may search in. Format CSV (UTF-8 with BOM) or XLSX. Refused above the configured row "
                    + "limit.")
    void export(@RequestBody ExportRequest request, Locale locale, HttpServletResponse response) {
        SearchCriteria criteria = input.criteria(request.form(), true);
        export.export(
                criteria,
                request.reason(),
                PersonExport.Format.parse(request.format()),
                Boolean.TRUE.equals(request.includeFullNik()),
                locale,
                PersonExport.Target.download(response));
    }
}
