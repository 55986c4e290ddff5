package id.peduli.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.expression.ExpressionUtils;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks a handler's role requirement before its arguments are read. Method security runs {@code @PreAuthorize}
 * only after Spring MVC has bound and validated the request body, so a caller without the role would learn from a
 * 400 or 422 what the endpoint expects. Here every {@code @PreAuthorize} expression that names no method argument
 * (a pure role check such as {@code hasRole('SYSTEM_ADMIN')}) is evaluated first and refused with the usual 403.
 * Expressions about arguments (unit scope) stay with method security, and the services check scope before they load.
 */
@Component
class RoleCheckBeforeBinding implements HandlerInterceptor {

    private final DefaultMethodSecurityExpressionHandler expressions = new DefaultMethodSecurityExpressionHandler();
    private final Map<Method, Expression> parsed = new ConcurrentHashMap<>();
    private static final Expression NONE = new org.springframework.expression.common.LiteralExpression("true");

    RoleCheckBeforeBinding(ApplicationContext context) {
        expressions.setApplicationContext(context);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Expression expression = parsed.computeIfAbsent(method.getMethod(), m -> roleExpression(method));
        if (expression == NONE) {
            return true;
        }
        Supplier<Authentication> authentication =
                () -> SecurityContextHolder.getContext().getAuthentication();
        EvaluationContext context = expressions.createEvaluationContext(
                authentication, new SimpleMethodInvocation(method.getBean(), method.getMethod()));
        if (!ExpressionUtils.evaluateAsBoolean(expression, context)) {
            throw new AccessDeniedException("Access Denied");
        }
        return true;
    }

    /** The method's own {@code @PreAuthorize}, or else its class's, when it does not refer to an argument. */
    private Expression roleExpression(HandlerMethod method) {
        PreAuthorize annotation = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), PreAuthorize.class);
        if (annotation == null) {
            annotation = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), PreAuthorize.class);
        }
        if (annotation == null || annotation.value().contains("#")) {
            return NONE;
        }
        return expressions.getExpressionParser().parseExpression(annotation.value());
    }
}
