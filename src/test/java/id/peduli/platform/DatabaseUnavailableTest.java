package id.peduli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.servlet.ModelAndView;

/** Which errors mean "the database cannot be reached for the moment", answered 503 rather than 500. */
class DatabaseUnavailableTest {

    @Test
    void connectionFailuresAnywhereInTheCausesCount() {
        SQLTransientConnectionException poolTimeout =
                new SQLTransientConnectionException("pool - Connection is not available, request timed out");
        assertThat(DatabaseUnavailable.is(new CannotGetJdbcConnectionException("no connection", poolTimeout)))
                .isTrue();
        assertThat(DatabaseUnavailable.is(new CannotCreateTransactionException("begin", poolTimeout)))
                .isTrue();
        assertThat(DatabaseUnavailable.is(new IllegalStateException(new RuntimeException(poolTimeout))))
                .isTrue();
        assertThat(DatabaseUnavailable.is(new SQLException("connection refused", "08001")))
                .isTrue();
        assertThat(DatabaseUnavailable.is(new QueryTimeoutException("slow"))).isTrue();
    }

    @Test
    void faultsOfTheRequestOrTheCodeDoNot() {
        assertThat(DatabaseUnavailable.is(new DataIntegrityViolationException("duplicate key")))
                .isFalse();
        assertThat(DatabaseUnavailable.is(new OptimisticLockingFailureException("stale")))
                .isFalse();
        assertThat(DatabaseUnavailable.is(new SQLException("syntax error", "42601")))
                .isFalse();
        assertThat(DatabaseUnavailable.is(new IllegalArgumentException("bad"))).isFalse();
    }

    @Test
    void aTransactionThatCouldNotBeginIsA503ProblemForTheApiNotA500() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("error.503.title", Locale.ROOT, "Temporarily unavailable");
        messages.addMessage("error.unavailable", Locale.ROOT, "Try again in a moment.");
        messages.setUseCodeAsDefaultMessage(true);
        ResponseEntity<ProblemDetail> response = new ApiProblemAdvice(messages)
                .unexpected(new CannotCreateTransactionException(
                        "Could not open JDBC Connection", new SQLTransientConnectionException("timed out")));
        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
        assertThat(response.getBody().getProperties()).containsEntry("code", "error.unavailable");
    }

    @Test
    void aPageThatMeetsAnUnreachableDatabaseIsATranslated503WithRetryAfter() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.setUseCodeAsDefaultMessage(true);
        PageExceptionAdvice advice = new PageExceptionAdvice(new UiAdvice(
                messages,
                java.util.List.of(),
                new org.springframework.beans.factory.support.StaticListableBeanFactory()
                        .getBeanProvider(NavBadgeSource.class),
                "Asia/Jakarta"));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/admin/units");
        MockHttpServletResponse response = new MockHttpServletResponse();
        ModelAndView page = advice.unavailable(
                new CannotGetJdbcConnectionException("no connection", new SQLException("refused", "08001")),
                request,
                response);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
        assertThat(page.getViewName()).isEqualTo("platform/error");
        assertThat(page.getModel())
                .containsEntry("titleKey", "error.503.title")
                .containsEntry("messageKey", "error.unavailable");
    }
}
