package id.peduli.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;

class ApiProblemAdviceTest {

    private final ApiProblemAdvice advice = new ApiProblemAdvice(messages());

    private static StaticMessageSource messages() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("error.429.title", Locale.ROOT, "Too many requests");
        messages.addMessage("error.503.title", Locale.ROOT, "Temporarily unavailable");
        messages.addMessage("error.tooManyRequests", Locale.ROOT, "Wait a moment.");
        messages.addMessage("error.unavailable", Locale.ROOT, "Try again in a moment.");
        messages.setUseCodeAsDefaultMessage(true);
        return messages;
    }

    @Test
    void tooManyRequestsSaysWhenToComeBack() {
        ResponseEntity<ProblemDetail> response = advice.retryLater(
                RetryLaterException.tooManyRequests("error.tooManyRequests", Duration.ofMillis(2500)));
        assertThat(response.getStatusCode().value()).isEqualTo(429);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("3");
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().getProperties()).containsEntry("code", "error.tooManyRequests");
    }

    @Test
    void anUnreachableDatabaseIsATemporaryUnavailability() {
        ResponseEntity<ProblemDetail> response =
                advice.unavailable(new DataAccessResourceFailureException("connection refused"));
        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
        assertThat(response.getBody().getProperties()).containsEntry("code", "error.unavailable");
        assertThat(response.getBody().getDetail()).doesNotContain("connection refused");
    }

    @Test
    void retryLaterIsOnlyFor429And503AndWaitsAtLeastASecond() {
        assertThatThrownBy(() -> new RetryLaterException(400, "x", Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(RetryLaterException.unavailable("x", Duration.ZERO).retryAfterHeader())
                .isEqualTo("1");
    }

    @Test
    void aBeanValidationErrorCarriesTheCodeOfItsMessage() {
        assertThat(ApiProblemAdvice.fieldErrorCode(
                        new FieldError("person", "fullName", null, false, null, null, "{validation.required}")))
                .isEqualTo("validation.required");
        assertThat(ApiProblemAdvice.fieldErrorCode(
                        new FieldError("person", "age", null, false, new String[] {"Min"}, null, "too small")))
                .isEqualTo("validation.Min");
    }
}
