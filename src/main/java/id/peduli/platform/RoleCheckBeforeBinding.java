package id.peduli.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
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
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Checks a handler's {@code @PreAuthorize} before its arguments are read. Method security evaluates it only after
 * Spring MVC has bound and validated the request body, so a caller without the role, or asking for an object outside
 * his units, would first learn from a 400 what the endpoint expects. Here every expression that needs nothing but the
 * path variables and request parameters (a role check, {@code @access.coversOrNotFound(#id, …)}, a module's scope
 * bean) is evaluated first: the role refusal is the usual 403, and a scope bean answers 404 for an object outside the
 * caller's scope exactly as for a missing one. Expressions about the body stay with method security after binding.
 */
@Component
class RoleCheckBeforeBinding implements HandlerInterceptor {

    private static final Pattern VARIABLE = Pattern.compile("#([A-Za-z_][A-Za-z0-9_]*)");

    private final DefaultMethodSecurityExpressionHandler expressions = new DefaultMethodSecurityExpressionHandler();
    private final Map<Method, Check> checks = new ConcurrentHashMap<>();

    RoleCheckBeforeBinding(ApplicationContext context) {
        expressions.setApplicationContext(context);
    }

    /** The expression to evaluate early, and which of its variables are path variables (the rest are parameters). */
    private record Check(Expression expression, Set<String> pathVariables, Set<String> parameters) {
        static final Check NONE = new Check(null, Set.of(), Set.of());
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Check check = checks.computeIfAbsent(method.getMethod(), m -> check(method));
        if (check == Check.NONE) {
            return true;
        }
        Supplier<Authentication> authentication =
                () -> SecurityContextHolder.getContext().getAuthentication();
        EvaluationContext context = expressions.createEvaluationContext(
                authentication, new SimpleMethodInvocation(method.getBean(), method.getMethod()));
        @SuppressWarnings("unchecked")
        Map<String, String> path =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        for (String name : check.pathVariables()) {
            context.setVariable(name, path == null ? null : path.get(name));
        }
        for (String name : check.parameters()) {
            String value = request.getParameter(name);
            context.setVariable(name, StringUtils.hasText(value) ? value : null);
        }
        boolean allowed;
        try {
            allowed = ExpressionUtils.evaluateAsBoolean(check.expression(), context);
        } catch (IllegalArgumentException notConvertible) {
            // A path variable that is not a number: binding answers 400, and method security checks again after it.
            return true;
        }
        if (!allowed) {
            throw new AccessDeniedException("Access Denied");
        }
        return true;
    }

    /**
     * The method's own {@code @PreAuthorize}, or else its class's, when every variable it names is a path variable
     * or a request parameter of the method.
     */
    private Check check(HandlerMethod method) {
        PreAuthorize annotation = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), PreAuthorize.class);
        if (annotation == null) {
            annotation = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), PreAuthorize.class);
        }
        if (annotation == null) {
            return Check.NONE;
        }
        Set<String> pathVariables = new HashSet<>();
        Set<String> parameters = new HashSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            String name = parameter.getParameterName();
            PathVariable pathVariable = parameter.getParameterAnnotation(PathVariable.class);
            RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
            if (pathVariable != null) {
                pathVariables.add(firstText(pathVariable.value(), pathVariable.name(), name));
            } else if (requestParam != null) {
                parameters.add(firstText(requestParam.value(), requestParam.name(), name));
            }
        }
        Set<String> usedPath = new HashSet<>();
        Set<String> usedParameters = new HashSet<>();
        Matcher matcher = VARIABLE.matcher(annotation.value());
        while (matcher.find()) {
            String name = matcher.group(1);
            if (pathVariables.contains(name)) {
                usedPath.add(name);
            } else if (parameters.contains(name)) {
                usedParameters.add(name);
            } else {
                return Check.NONE;
            }
        }
        return new Check(
                expressions.getExpressionParser().parseExpression(annotation.value()),
                Set.copyOf(usedPath),
                Set.copyOf(usedParameters));
    }

    private static String firstText(String... candidates) {
        for (String candidate : candidates) {
            if (StringUtils.hasText(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
