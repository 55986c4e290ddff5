package id.peduli.access;

import id.peduli.platform.PeduliPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Three filter chains. The API documentation needs a page session or a token. The API ({@code /api/**},
 * {@code /actuator/**}) is stateless and takes personal access tokens; its errors are problem details; metrics are
 * for national administrators. Pages use form sign-in with a session and CSRF protection; sign-in is throttled per
 * client address and a session ends when the account's security stamp changes ({@link SecurityStampFilter}). All
 * send a strict Content-Security-Policy (no inline script), and HSTS when the request came over HTTPS.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";
    static final String DOCS_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    /** Where every refused sign-in goes: one answer for a wrong password, an unknown, locked or disabled account. */
    static final String LOGIN_FAILED = "/login?error=bad";

    static final String LOGIN_UNAVAILABLE = "/login?error=unavailable";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BcryptLengthGuard(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

    /**
     * Form sign-in checks the password first and only then whether the account is locked or disabled, so that every
     * attempt costs one password hash (an unknown username is hashed against a stand-in) and takes the same time.
     */
    @Bean
    DaoAuthenticationProvider signInProvider(UserDetailsService accounts, PasswordEncoder passwordEncoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(passwordEncoder);
        provider.setPreAuthenticationChecks(user -> {});
        provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        return provider;
    }

    /**
     * Swagger UI and the OpenAPI document need a signed-in page session or a personal access token. Without either,
     * the UI goes to the sign-in page and the JSON document answers 401 as a problem detail.
     */
    @Bean
    @Order(1)
    SecurityFilterChain docsChain(HttpSecurity http, ApiTokens tokens, ApiProblemWriter problems, Accounts accounts)
            throws Exception {
        RequestMatcher document = request -> {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            return path.startsWith("/v3/api-docs") || path.startsWith("/api/docs/openapi.json");
        };
        http.securityMatcher("/api/docs/**", "/v3/api-docs/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .addFilterAfter(new SecurityStampFilter(accounts), SecurityContextHolderFilter.class)
                .addFilterBefore(new BearerTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                                (request, response, ex) -> problems.write(request, response, 401, "error.401.message"),
                                document)
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/login"), AnyRequestMatcher.INSTANCE))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(DOCS_CSP)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens, ApiProblemWriter problems) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(a -> a.requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        // innovation: the public catalogue of winning innovations (no sign-in)
                        .requestMatchers(
                                org.springframework.http.HttpMethod.GET,
                                "/api/v1/innovation/catalogue",
                                "/api/v1/innovation/catalogue/*")
                        .permitAll()
                        // innovation: the public objection window, read and filed without sign-in
                        .requestMatchers(
                                org.springframework.http.HttpMethod.GET, "/api/v1/public/innovation/objection-window")
                        .permitAll()
                        .requestMatchers(
                                org.springframework.http.HttpMethod.POST, "/api/v1/public/innovation/objections")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .access((authentication, context) ->
                                new AuthorizationDecision(nationalAdministrator(authentication.get())))
                        .anyRequest()
                        .authenticated())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new BearerTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(
                                (request, response, ex) -> problems.write(request, response, 401, "error.401.message"))
                        .accessDeniedHandler(
                                (request, response, ex) -> problems.write(request, response, 403, "error.403.message")))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP)));
        return http.build();
    }

    /**
     * After signing in, a person goes back to the page they had asked for, and only to a page: a request is kept only
     * when it is a GET that asks for HTML and is not sent by a script (htmx, fetch, a service worker's update or a
     * manifest). Otherwise a background request that arrived while signed out would be where the sign-in leads.
     */
    static HttpSessionRequestCache pageRequestCache() {
        MediaTypeRequestMatcher html =
                new MediaTypeRequestMatcher(new HeaderContentNegotiationStrategy(), MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(java.util.Set.of(MediaType.ALL));
        RequestMatcher page = request -> "GET".equals(request.getMethod())
                && (request.getHeader("Sec-Fetch-Mode") == null
                        || "navigate".equals(request.getHeader("Sec-Fetch-Mode")))
                && request.getHeader("HX-Request") == null
                && !"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))
                && html.matches(request);
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(page);
        return cache;
    }

    /**
     * Signed out (the session ended while a page stayed open): a page goes to the sign-in page. An htmx request gets 401
     * with {@code HX-Refresh}, so that htmx reloads the whole page, which then goes to the sign-in page and comes back
     * after it, instead of the sign-in page being put inside the part of the page that htmx was filling.
     */
    static org.springframework.security.web.AuthenticationEntryPoint pageEntryPoint() {
        LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
        return (request, response, exception) -> {
            if (request.getHeader("HX-Request") != null) {
                response.setHeader("HX-Refresh", "true");
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                return;
            }
            login.commence(request, response, exception);
        };
    }

    /** Metrics and build information are about the whole instance: national administrators only. */
    static boolean nationalAdministrator(Authentication authentication) {
        return authentication != null
                && authentication.getPrincipal() instanceof PeduliPrincipal principal
                && principal.grants().stream()
                        .anyMatch(g ->
                                g.unitId() == null && Role.SYSTEM_ADMIN.name().equals(g.role()));
    }

    @Bean
    @Order(3)
    SecurityFilterChain pageChain(
            HttpSecurity http, LocaleResolver localeResolver, Accounts accounts, SignInThrottle throttle)
            throws Exception {
        SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(
                    jakarta.servlet.http.HttpServletRequest request,
                    HttpServletResponse response,
                    org.springframework.security.core.Authentication authentication)
                    throws IOException, jakarta.servlet.ServletException {
                if (authentication.getPrincipal() instanceof AccountDetails details) {
                    localeResolver.setLocale(
                            request, response, id.peduli.platform.Languages.supportedOrDefault(details.locale()));
                }
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        success.setDefaultTargetUrl("/");
        http.authorizeHttpRequests(a -> a.requestMatchers(
                                "/login",
                                "/language",
                                "/about",
                                "/error",
                                // innovation: the public objection page of the competition (no sign-in)
                                "/public/innovation/objections",
                                // innovation: the public catalogue of winning innovations (no sign-in)
                                "/public/innovation/catalogue",
                                "/public/innovation/catalogue/*",
                                "/css/**",
                                "/js/**",
                                "/webjars/**",
                                "/favicon.svg",
                                // the offline workshop screen's web app manifest and service worker: the browser
                                // fetches the manifest without cookies, and neither holds any data
                                "/workshop/manifest.webmanifest",
                                "/workshop/sw.js")
                        .permitAll()
                        .requestMatchers("/admin/**")
                        .hasRole(Role.SYSTEM_ADMIN.name())
                        .requestMatchers("/audit/**")
                        .hasAnyRole(Role.AUDITOR.name(), Role.DPO.name())
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(success)
                        // A sign-in that could not be checked (the database unreachable) is not called a wrong
                        // password.
                        .failureHandler((request, response, exception) -> response.sendRedirect(
                                exception instanceof InternalAuthenticationServiceException
                                        ? LOGIN_UNAVAILABLE
                                        : LOGIN_FAILED))
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .requestCache(cache -> cache.requestCache(pageRequestCache()))
                .exceptionHandling(e -> e.authenticationEntryPoint(pageEntryPoint()))
                .addFilterAfter(new SecurityStampFilter(accounts), SecurityContextHolderFilter.class)
                .addFilterBefore(new SignInThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new PasswordChangeFilter(), UsernamePasswordAuthenticationFilter.class)
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
