package id.peduli.platform;

import id.peduli.shared.BusinessException;
import jakarta.validation.ConstraintViolation;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns errors of API controllers into RFC 9457 problem details in the caller's language. Every answer has the
 * members of the {@code Problem} schema of the OpenAPI document ({@link ApiProblemSchema}): type, title, status,
 * detail, instance, a stable {@code code}, the {@code field} when one is concerned and {@code errors} when several
 * are. 429 and 503 carry {@code Retry-After}.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);
    private static final Duration UNAVAILABLE_RETRY = Duration.ofSeconds(30);
    private final MessageSource messages;

    ApiProblemAdvice(MessageSource messages) {
        this.messages = messages;
        setMessageSource(messages);
    }

    @ExceptionHandler(BusinessException.class)
    ResponseEntity<ProblemDetail> business(BusinessException e) {
        Locale locale = LocaleContextHolder.getLocale();
        HttpStatus status = HttpStatus.valueOf(e.status());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status, messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
        problem.setTitle(messages.getMessage("error." + ErrorPageController.family(status) + ".title", null, locale));
        problem.setProperty("code", e.messageKey());
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        if (e instanceof id.peduli.shared.InvalidInput input) {
            List<Map<String, String>> items = input.problems().stream()
                    .map(p -> {
                        Map<String, String> item = new LinkedHashMap<>();
                        item.put("field", p.field());
                        item.put("code", p.key());
                        item.put("message", messages.getMessage(p.key(), p.args(), p.key(), locale));
                        return item;
                    })
                    .toList();
            problem.setProperty(input.warningsOnly() ? "warnings" : "errors", items);
        }
        return problemResponse(status, problem);
    }

    /** 429 or 503 with {@code Retry-After}: the caller may send the same request again after that many seconds. */
    @ExceptionHandler(RetryLaterException.class)
    ResponseEntity<ProblemDetail> retryLater(RetryLaterException e) {
        Locale locale = LocaleContextHolder.getLocale();
        HttpStatus status = HttpStatus.valueOf(e.status());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status, messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
        problem.setTitle(messages.getMessage("error." + status.value() + ".title", null, locale));
        problem.setProperty("code", e.messageKey());
        return ResponseEntity.status(status)
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterHeader())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** The database is unreachable or timed out: a temporary state, answered as 503 with {@code Retry-After}. */
    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        TransientDataAccessResourceException.class,
        QueryTimeoutException.class,
        PessimisticLockingFailureException.class
    })
    ResponseEntity<ProblemDetail> unavailable(DataAccessException e) {
        return databaseUnavailable(e);
    }

    private ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
        // The class only: a driver message may quote the statement.
        log.warn(
                "Database unavailable for an API request: {} ({})",
                e.getClass().getSimpleName(),
                DatabaseUnavailableFilter.rootClass(e));
        return retryLater(RetryLaterException.unavailable("error.unavailable", UNAVAILABLE_RETRY));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> staleVersion(OptimisticLockingFailureException e) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT, messages.getMessage("error.staleVersion", null, locale));
        problem.setTitle(messages.getMessage("error.409.title", null, locale));
        problem.setProperty("code", "error.staleVersion");
        return problemResponse(HttpStatus.CONFLICT, problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.FORBIDDEN, messages.getMessage("error.403.message", null, locale));
        problem.setTitle(messages.getMessage("error.403.title", null, locale));
        problem.setProperty("code", "error.403.message");
        return problemResponse(HttpStatus.FORBIDDEN, problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        // A transaction that could not begin, or a connection error wrapped in another exception.
        if (DatabaseUnavailable.is(e)) {
            return databaseUnavailable(e);
        }
        log.error("Unexpected API error", e);
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, messages.getMessage("error.500.message", null, locale));
        problem.setTitle(messages.getMessage("error.500.title", null, locale));
        problem.setProperty("code", "error.500.message");
        return problemResponse(HttpStatus.INTERNAL_SERVER_ERROR, problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, messages.getMessage("error.validation", null, locale));
        problem.setTitle(messages.getMessage("error.400.title", null, locale));
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> fieldError(error, locale))
                .toList();
        problem.setProperty("errors", errors);
        problem.setProperty("code", "error.validation");
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, messages.getMessage("error.unreadable", null, locale));
        problem.setTitle(messages.getMessage("error.400.title", null, locale));
        problem.setProperty("code", "error.unreadable");
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /**
     * Every other error Spring MVC answers itself (a parameter of the wrong type, a missing parameter, an upload over
     * the limit, an unsupported content type) gets the same translated title and a {@code code}, like ours.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null
                && response.getBody() instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            Locale locale = LocaleContextHolder.getLocale();
            int status = response.getStatusCode().value();
            String code = status == 400 ? "error.badParameter" : "error." + status + ".message";
            HttpStatus known = HttpStatus.resolve(status);
            problem.setTitle(messages.getMessage(
                    "error." + status + ".title", null, known == null ? "" : known.getReasonPhrase(), locale));
            problem.setDetail(messages.getMessage(code, null, problem.getDetail(), locale));
            problem.setProperty("code", code);
        }
        return response;
    }

    private Map<String, String> fieldError(FieldError error, Locale locale) {
        Map<String, String> item = new LinkedHashMap<>();
        item.put("field", error.getField());
        item.put("code", fieldErrorCode(error));
        item.put("message", messages.getMessage(error, locale));
        return item;
    }

    /**
     * The message key of a bean validation error ({@code @NotNull(message = "{validation.required}")} gives
     * validation.required); a constraint without one of Peduli's keys gives {@code validation.<Constraint>}.
     */
    static String fieldErrorCode(FieldError error) {
        String template = error.getDefaultMessage();
        if (error.contains(ConstraintViolation.class)) {
            template = error.unwrap(ConstraintViolation.class).getMessageTemplate();
        }
        if (template != null
                && template.startsWith("{")
                && template.endsWith("}")
                && template.length() > 2
                && !template.startsWith("{jakarta.")
                && !template.startsWith("{org.hibernate.")) {
            return template.substring(1, template.length() - 1);
        }
        return "validation." + (error.getCode() == null ? "invalid" : error.getCode());
    }

    private static ResponseEntity<ProblemDetail> problemResponse(HttpStatus status, ProblemDetail problem) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
