package id.peduli.platform;

import id.peduli.shared.PageResult;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents the error answers of every API operation as {@code application/problem+json} with the one shared
 * {@code Problem} schema, by rule rather than by hand on each controller (the rules are in {@code docs/api.md}):
 * every operation can answer 401, 429, 500 and 503; one with parameters or a body 400; one behind
 * {@code @PreAuthorize} 403; one with a path variable 404; one that changes something 409 and 422, a GET with query
 * parameters 422; one taking a file 413 and 415. {@link ApiErrors} adds statuses a rule cannot see, and
 * {@link Idempotent} adds the {@code Idempotency-Key} header, {@link ApiDownload} a file answer. Operation ids are made stable from controller and
 * method names.
 */
@Component
class ApiErrorDocumentation implements OperationCustomizer, OpenApiCustomizer {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** Reusable responses by status: component name and description. */
    static final Map<Integer, String[]> RESPONSES = Map.ofEntries(
            Map.entry(400, new String[] {
                "BadRequest",
                "The request could not be read (error.unreadable), a parameter has the wrong type "
                        + "(error.badParameter) or fields are invalid (error.validation, each in 'errors')"
            }),
            Map.entry(401, new String[] {
                "Unauthorized",
                "No valid token: error.401.message, token.invalid, token.expired, token.revoked, "
                        + "token.accountUnusable"
            }),
            Map.entry(403, new String[] {
                "Forbidden",
                "The caller's roles do not allow this (error.403.message or a module's code such as "
                        + "person.unitNotAllowed)"
            }),
            Map.entry(404, new String[] {
                "NotFound", "The object does not exist or lies outside the caller's units (both answer alike)"
            }),
            Map.entry(409, new String[] {
                "Conflict",
                "The object changed since it was read (error.staleVersion: read it again), or the "
                        + "request conflicts with existing data or a running request "
                        + "(idempotency.inProgress)"
            }),
            Map.entry(413, new String[] {"PayloadTooLarge", "The file or body exceeds the size limit"}),
            Map.entry(415, new String[] {"UnsupportedMediaType", "The file or body type is not accepted"}),
            Map.entry(422, new String[] {
                "UnprocessableContent",
                "The input breaks a rule ('code' and 'field' say which; several in 'errors'), warnings "
                        + "need confirming (validation.confirmWarnings), or an Idempotency-Key was reused "
                        + "with another body (idempotency.keyReused)"
            }),
            Map.entry(429, new String[] {
                "TooManyRequests", "Too many requests (error.tooManyRequests): wait for Retry-After seconds"
            }),
            Map.entry(500, new String[] {"InternalError", "Unexpected error (error.500.message); nothing was half-saved"
            }),
            Map.entry(503, new String[] {
                "ServiceUnavailable",
                "The service is busy or its database unreachable (error.unavailable): retry after "
                        + "Retry-After seconds"
            }));

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        io.swagger.v3.oas.annotations.Operation declared =
                handlerMethod.getMethodAnnotation(io.swagger.v3.oas.annotations.Operation.class);
        if (declared == null || declared.operationId().isBlank()) {
            operation.setOperationId(operationId(handlerMethod));
        }
        Set<Integer> statuses = new TreeSet<>(List.of(401, 429, 500, 503));
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean hasBody = operation.getRequestBody() != null;
        boolean hasQuery = parameters.stream().anyMatch(p -> "query".equals(p.getIn()));
        boolean hasPath = parameters.stream().anyMatch(p -> "path".equals(p.getIn()));
        RequestMapping mapping =
                AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getMethod(), RequestMapping.class);
        boolean changing = mapping == null
                || mapping.method().length == 0
                || Arrays.stream(mapping.method()).anyMatch(m -> m != RequestMethod.GET);
        if (hasBody || !parameters.isEmpty()) {
            statuses.add(400);
        }
        if (handlerMethod.hasMethodAnnotation(PreAuthorize.class)
                || AnnotatedElementUtils.hasAnnotation(handlerMethod.getBeanType(), PreAuthorize.class)) {
            statuses.add(403);
        }
        if (hasPath) {
            statuses.add(404);
        }
        if (changing) {
            statuses.add(409);
            statuses.add(422);
        }
        if (hasQuery) {
            statuses.add(422);
        }
        if (hasBody && operation.getRequestBody().getContent() != null) {
            boolean file =
                    operation.getRequestBody().getContent().keySet().stream().anyMatch(type -> !type.contains("json"));
            if (file) {
                statuses.add(413);
                statuses.add(415);
            }
        }
        ApiErrors extra = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getMethod(), ApiErrors.class);
        if (extra == null) {
            extra = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getBeanType(), ApiErrors.class);
        }
        if (extra != null) {
            for (int status : extra.value()) {
                statuses.add(status);
            }
        }
        if (handlerMethod.hasMethodAnnotation(Idempotent.class)) {
            statuses.add(409);
            statuses.add(422);
            operation.addParametersItem(new Parameter()
                    .in("header")
                    .name(IDEMPOTENCY_KEY)
                    .required(false)
                    .description("Makes a retried create safe: a unique key per intended create (e.g. a UUID), "
                            + "1 to 100 visible characters. The first successful answer is replayed for 24 hours "
                            + "to the same caller sending the same key and body")
                    .schema(new StringSchema().minLength(1).maxLength(100)));
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        documentSuccess(responses, handlerMethod, changing);
        if (PageResult.class.isAssignableFrom(handlerMethod.getReturnType().getParameterType())) {
            documentPaging(parameters);
        }
        ApiDownload download = handlerMethod.getMethodAnnotation(ApiDownload.class);
        if (download != null) {
            Content files = new Content();
            for (String type : download.value()) {
                files.addMediaType(type, new MediaType().schema(new StringSchema().format("binary")));
            }
            ApiResponse ok = responses.get("200") == null ? new ApiResponse() : responses.get("200");
            responses.addApiResponse("200", ok.description("The file").content(files));
        }
        for (int status : statuses) {
            String[] response = Objects.requireNonNull(RESPONSES.get(status), () -> "No response for " + status);
            responses.putIfAbsent(
                    String.valueOf(status), new ApiResponse().$ref("#/components/responses/" + response[0]));
        }
        operation.setResponses(responses);
        return operation;
    }

    /**
     * A handler that answers with a {@code ResponseEntity} chooses its status itself, which springdoc cannot see: a
     * body-less one answers 204, a POST with a body 201 (a create), unless {@code @ResponseStatus} says otherwise.
     */
    private static void documentSuccess(ApiResponses responses, HandlerMethod handlerMethod, boolean changing) {
        ApiResponse ok = responses.get("200");
        if (ok == null
                || !ResponseEntity.class.isAssignableFrom(
                        handlerMethod.getReturnType().getParameterType())
                || handlerMethod.hasMethodAnnotation(ResponseStatus.class)) {
            return;
        }
        Class<?> body = ResolvableType.forMethodReturnType(handlerMethod.getMethod())
                .getGeneric(0)
                .resolve();
        if (body == Void.class) {
            responses.remove("200");
            responses.addApiResponse("204", new ApiResponse().description("Done; no content"));
        } else if (changing && isPost(handlerMethod)) {
            responses.remove("200");
            responses.addApiResponse(
                    "201",
                    ok.description("Created")
                            .addHeaderObject(
                                    "Location",
                                    new Header()
                                            .description("The path of what was created, when it has its own")
                                            .schema(new StringSchema())));
        }
    }

    /** The bounds of {@code page} and {@code size} of a paged list ({@link PageResult#clampSize}). */
    private static void documentPaging(List<Parameter> parameters) {
        for (Parameter parameter : parameters) {
            if (!"query".equals(parameter.getIn()) || parameter.getSchema() == null) {
                continue;
            }
            if ("page".equals(parameter.getName())) {
                parameter.getSchema().setMinimum(java.math.BigDecimal.ZERO);
                if (parameter.getDescription() == null) {
                    parameter.setDescription("Page number, from 0");
                }
            } else if ("size".equals(parameter.getName())) {
                parameter.getSchema().setMinimum(java.math.BigDecimal.ONE);
                parameter.getSchema().setMaximum(java.math.BigDecimal.valueOf(PageResult.clampSize(Integer.MAX_VALUE)));
                if (parameter.getDescription() == null) {
                    parameter.setDescription("Page size, 1 to " + PageResult.clampSize(Integer.MAX_VALUE)
                            + " (a larger size is clamped)");
                }
            }
        }
    }

    private static boolean isPost(HandlerMethod handlerMethod) {
        RequestMapping mapping =
                AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getMethod(), RequestMapping.class);
        return mapping != null && Arrays.asList(mapping.method()).contains(RequestMethod.POST);
    }

    /**
     * A stable operation id from the controller and the method, e.g. {@code orgUnitGet} for {@code get} of
     * {@code OrgUnitApiController}: a generated client's method names do not shift when an operation is added.
     */
    static String operationId(HandlerMethod handlerMethod) {
        String controller = handlerMethod.getBeanType().getSimpleName();
        for (String suffix : List.of("ApiController", "Controller")) {
            if (controller.endsWith(suffix)) {
                controller = controller.substring(0, controller.length() - suffix.length());
                break;
            }
        }
        String method = handlerMethod.getMethod().getName();
        return Character.toLowerCase(controller.charAt(0))
                + controller.substring(1)
                + Character.toUpperCase(method.charAt(0))
                + method.substring(1);
    }

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        boolean openApi31 = openApi.getOpenapi() != null && openApi.getOpenapi().startsWith("3.1");
        Map<String, Schema> schemas = ModelConverters.getInstance(openApi31)
                .readAll(new AnnotatedType(ApiProblemSchema.class).resolveAsRef(true));
        schemas.forEach(components::addSchemas);
        Map<String, ApiResponse> responses = new LinkedHashMap<>();
        RESPONSES.forEach((status, response) -> {
            ApiResponse apiResponse = new ApiResponse()
                    .description(response[1])
                    .content(new Content()
                            .addMediaType(
                                    PROBLEM_JSON,
                                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
            if (status == 401) {
                apiResponse.addHeaderObject(
                        "WWW-Authenticate",
                        new Header().description("Bearer realm=\"peduli\"").schema(new StringSchema()));
            }
            if (status == 429 || status == 503) {
                apiResponse.addHeaderObject(
                        "Retry-After",
                        new Header()
                                .description("Seconds to wait before trying again")
                                .schema(new IntegerSchema().minimum(java.math.BigDecimal.ONE)));
            }
            responses.put(response[0], apiResponse);
        });
        responses.forEach(components::addResponses);
        openApi.setComponents(components);
    }
}
