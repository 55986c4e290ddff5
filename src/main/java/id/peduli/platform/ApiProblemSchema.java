package id.peduli.platform;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.util.List;

/**
 * The shape of every API error as the OpenAPI document shows it: an RFC 9457 problem detail with Peduli's own
 * members. It documents what {@link ApiProblemAdvice}, the security filters' problem writer and the idempotency
 * filter send; it is never instantiated.
 */
@Schema(
        name = "Problem",
        description = "An RFC 9457 problem detail in the language of Accept-Language. Branch on 'code' (stable), "
                + "never on 'title' or 'detail' (translated text).")
record ApiProblemSchema(
        @Schema(
                requiredMode = RequiredMode.NOT_REQUIRED,
                format = "uri-reference",
                defaultValue = "about:blank",
                description = "Always about:blank, often left out: the status and code say what happened")
        String type,

        @Schema(
                requiredMode = RequiredMode.REQUIRED,
                example = "Not found",
                description = "Short translated summary of the status")
        String title,

        @Schema(requiredMode = RequiredMode.REQUIRED, example = "404", description = "The HTTP status")
        int status,

        @Schema(requiredMode = RequiredMode.REQUIRED, description = "Translated explanation for the user")
        String detail,

        @Schema(
                requiredMode = RequiredMode.REQUIRED,
                format = "uri-reference",
                example = "/api/v1/people/42",
                description = "The path of the request")
        String instance,

        @Schema(
                requiredMode = RequiredMode.REQUIRED,
                example = "error.staleVersion",
                description = "Stable code of the refusal, listed in docs/api.md")
        String code,

        @Schema(
                requiredMode = RequiredMode.NOT_REQUIRED,
                example = "nik",
                description = "The input field the refusal concerns, when it concerns one")
        String field,

        @Schema(
                requiredMode = RequiredMode.NOT_REQUIRED,
                description = "Every invalid field when there are several (codes error.validation)")
        List<FieldProblemSchema> errors,

        @Schema(
                requiredMode = RequiredMode.NOT_REQUIRED,
                description = "Warnings to confirm (code validation.confirmWarnings): send the request "
                        + "again with acceptWarnings=true")
        List<FieldProblemSchema> warnings,

        @Schema(
                requiredMode = RequiredMode.NOT_REQUIRED,
                description = "Possible duplicates found while registering a person (with warnings)")
        List<DuplicateCandidateSchema> candidates) {

    @Schema(name = "ProblemField", description = "One invalid field, or one warning")
    record FieldProblemSchema(
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "birthDate", description = "The field")
            String field,

            @Schema(
                    requiredMode = RequiredMode.REQUIRED,
                    example = "validation.required",
                    description = "Stable code of the problem")
            String code,

            @Schema(requiredMode = RequiredMode.REQUIRED, description = "Translated message")
            String message) {}

    @Schema(
            name = "ProblemDuplicateCandidate",
            description = "A person who may be the one being registered. Outside the caller's units only "
                    + "inScope=false is given")
    record DuplicateCandidateSchema(
            @Schema(requiredMode = RequiredMode.NOT_REQUIRED)
            Long id,

            @Schema(requiredMode = RequiredMode.NOT_REQUIRED)
            String fullName,

            @Schema(requiredMode = RequiredMode.NOT_REQUIRED)
            Integer birthYear,

            @Schema(requiredMode = RequiredMode.NOT_REQUIRED, description = "false: someone outside your units")
            Boolean inScope,

            @Schema(
                    requiredMode = RequiredMode.NOT_REQUIRED,
                    description = "Why the person is shown: SIMILAR_NAME, SAME_BIRTH_DATE, NEAR_BIRTH_YEAR, "
                            + "SAME_REGENCY, SAME_GUARDIAN, GUARDIANS_HOUSEHOLD")
            List<String> reasons) {}
}
