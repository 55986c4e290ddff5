package id.peduli.access;

import id.peduli.shared.BusinessException;
import id.peduli.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Method;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Users and grants over the API: SYSTEM_ADMIN only; each administrator reaches only the users {@link GrantRules} puts
 * in their scope, and any other user answers exactly like a missing one.
 */
@RestController
@RequestMapping("/api/v1/users")
@PreAuthorize(AccessRoles.ADMINISTER_EXPRESSION)
@Tag(name = "Users", description = "User accounts and their role grants (SYSTEM_ADMIN)")
class UserApiController {

    private final Users users;
    private final GrantRules rules;
    private final SpringValidatorAdapter validator;

    UserApiController(Users users, GrantRules rules, Validator validator) {
        this.users = users;
        this.rules = rules;
        this.validator = new SpringValidatorAdapter(validator);
    }

    @Schema(name = "NewUserRequest")
    record NewUserRequest(
            @NotBlank(message = "{validation.required}")
            @Size(
                    min = NewUserCommand.USERNAME_MIN,
                    max = NewUserCommand.USERNAME_MAX,
                    message = "{validation.lengthBetween}")
            @Pattern(regexp = NewUserCommand.USERNAME_CHARS, message = "{user.usernameChars}")
            String username,

            @NotBlank(message = "{validation.required}")
            @Size(max = NewUserCommand.PASSWORD_MAX, message = "{validation.maxLength}")
            String password,

            @NotNull @Valid UserCommand profile,

            @Schema(description = "Role of the first grant (optional)")
            Role role,

            @Schema(description = "Unit of the first grant; leave it out only together with wholeCountry")
            Long unitId,

            @Schema(description = WHOLE_COUNTRY) Boolean wholeCountry) {}

    @Schema(name = "UserUpdateRequest")
    record UpdateUserRequest(
            @NotNull(message = "{validation.required}") Integer version,
            @NotNull @Valid UserCommand profile) {}

    @Schema(name = "GrantRequest")
    record GrantRequest(
            @NotNull(message = "{validation.required}") Role role,

            @Schema(description = "Unit of the grant; leave it out only together with wholeCountry")
            Long unitId,

            @Schema(description = WHOLE_COUNTRY) Boolean wholeCountry) {}

    private static final String WHOLE_COUNTRY = "true to give the grant for every unit (national administrators only);"
            + " required when unitId is left out, refused together with unitId (422 grant.api.wholeCountryRequired,"
            + " grant.api.unitAndWholeCountry)";

    @GetMapping
    @Operation(summary = "Search users by username, name or email (paged)")
    PageResult<UserView> search(
            @RequestParam(value = "q", required = false) @Size(max = 100) String q,
            @RequestParam(value = "page", defaultValue = "0") int page,
            @RequestParam(value = "size", defaultValue = "25") int size) {
        return users.search(q, page, size, rules.managedUnits());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One user with grants")
    UserView get(@PathVariable long id) {
        rules.requireManaged(id);
        return users.get(id);
    }

    @PostMapping
    @Operation(
            summary = "Create a user; the first password must be changed at first sign-in",
            description = "role and unitId (or wholeCountry: true) give the first grant; a unit administrator must give"
                    + " one in their scope")
    ResponseEntity<UserView> create(@Valid @RequestBody NewUserRequest request) {
        rules.requireFirstGrant(request.role(), request.unitId());
        if (request.role() != null) {
            rules.requireWholeCountryConfirmed(request.unitId(), request.wholeCountry());
        }
        UserView created = users.create(
                new NewUserCommand(request.username(), request.password(), request.profile(), true),
                request.role(),
                request.unitId());
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.id()))
                .body(created);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Update a user's profile; send the version you read (optimistic locking)")
    UserView update(@PathVariable long id, @RequestBody UpdateUserRequest request)
            throws MethodArgumentNotValidException {
        rules.requireManaged(id);
        validated(request, "update");
        return users.update(id, request.version(), request.profile());
    }

    @PostMapping("/{id}/grants")
    @Operation(
            summary = "Grant a role for an organisation unit",
            description = "Every unit instead of one: leave unitId out and send \"wholeCountry\": true"
                    + " (national administrators only)")
    UserView addGrant(@PathVariable long id, @RequestBody GrantRequest request) throws MethodArgumentNotValidException {
        rules.requireManaged(id);
        validated(request, "addGrant");
        rules.requireGrantable(id, request.role(), request.unitId());
        rules.requireWholeCountryConfirmed(request.unitId(), request.wholeCountry());
        return users.addGrant(id, request.role(), request.unitId());
    }

    @DeleteMapping("/{id}/grants/{grantId}")
    @Operation(summary = "Remove a grant")
    UserView removeGrant(@PathVariable long id, @PathVariable long grantId) {
        rules.requireManaged(id);
        UserView.GrantView grant = users.get(id).grants().stream()
                .filter(g -> g.id() == grantId)
                .findFirst()
                .orElseThrow(() -> BusinessException.notFound("grant.notFound", grantId));
        rules.requireGrantable(id, grant.role(), grant.unitId());
        return users.removeGrant(id, grantId);
    }

    @PostMapping("/{id}/password-reset")
    @Operation(summary = "Set a temporary password (returned once); the user must change it at next sign-in")
    Map<String, String> resetPassword(@PathVariable long id) {
        rules.requireManaged(id);
        return Map.of("temporaryPassword", users.resetPassword(id));
    }

    /**
     * Validates a request body the way {@code @Valid} would, but only after the user's scope was checked, so that a
     * user outside the caller's scope answers 404 whatever the body holds.
     */
    private void validated(Object body, String handler) throws MethodArgumentNotValidException {
        BeanPropertyBindingResult result = new BeanPropertyBindingResult(body, "request");
        validator.validate(body, result);
        if (result.hasErrors()) {
            Method method = Arrays.stream(UserApiController.class.getDeclaredMethods())
                    .filter(m -> m.getName().equals(handler))
                    .findFirst()
                    .orElseThrow();
            throw new MethodArgumentNotValidException(new MethodParameter(method, 1), result);
        }
    }

    @PostMapping("/{id}/unlock")
    @Operation(summary = "Lift a lockout after failed sign-ins")
    UserView unlock(@PathVariable long id) {
        rules.requireManaged(id);
        users.unlock(id);
        return users.get(id);
    }
}

/** The caller's own account and tokens over the API: any authenticated user. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "My account", description = "The caller's own account and personal access tokens")
class MeApiController {

    private final Users users;
    private final ApiTokens tokens;

    MeApiController(Users users, ApiTokens tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    @Schema(name = "TokenRequest")
    record TokenRequest(@Size(max = 100) String name, Integer days) {}

    @Schema(name = "Token")
    record TokenResponse(
            long id,
            String name,
            String prefix,
            Instant createdAt,
            Instant expiresAt,
            Instant lastUsedAt,
            Instant revokedAt,
            String token) {

        static TokenResponse of(ApiTokens.TokenView view, String secret) {
            return new TokenResponse(
                    view.id(),
                    view.name(),
                    view.prefix(),
                    view.createdAt(),
                    view.expiresAt(),
                    view.lastUsedAt(),
                    view.revokedAt(),
                    secret);
        }
    }

    @GetMapping
    @Operation(summary = "Who am I: profile and grants")
    UserView me(@AuthenticationPrincipal AccountDetails me) {
        return users.get(me.userId());
    }

    @GetMapping("/tokens")
    @Operation(summary = "My personal access tokens (never the secret)")
    List<TokenResponse> tokens(@AuthenticationPrincipal AccountDetails me) {
        return tokens.list(me.userId()).stream()
                .map(t -> TokenResponse.of(t, null))
                .toList();
    }

    @PostMapping("/tokens")
    @Operation(summary = "Create a token; the secret is in the response once and never again")
    ResponseEntity<TokenResponse> create(
            @AuthenticationPrincipal AccountDetails me, @Valid @RequestBody TokenRequest request) {
        ApiTokens.CreatedToken created =
                tokens.create(me.userId(), request.name(), request.days() == null ? 90 : request.days());
        return ResponseEntity.status(201).body(TokenResponse.of(created.token(), created.secret()));
    }

    @DeleteMapping("/tokens/{id}")
    @Operation(summary = "Revoke one of my tokens")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal AccountDetails me, @PathVariable long id) {
        tokens.revoke(me.userId(), id);
        return ResponseEntity.noContent().build();
    }
}
