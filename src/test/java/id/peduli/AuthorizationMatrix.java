package id.peduli;

import id.peduli.platform.PeduliPrincipal;
import id.peduli.platform.PeduliPrincipal.RoleGrant;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table {@value #RESOURCE}: who may call which endpoint, and what everyone else gets. Syntax: see the header of
 * the table and docs/architecture.md ("Authorization matrix").
 */
final class AuthorizationMatrix {

    static final String RESOURCE = "authorization-matrix.txt";

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)}");
    private static final Set<String> ROLES = Set.of(
            "SYSTEM_ADMIN",
            "DPO",
            "AUDITOR",
            "UNIT_HEAD",
            "PROGRAM_MANAGER",
            "SOCIAL_WORKER",
            "SITE_MENTOR",
            "LOGISTICS_OFFICER",
            "UNIT_OPERATOR",
            "AGENCY_VERIFIER",
            "SECRETARIAT",
            "EVALUATOR",
            "PANELIST");

    /** Answers to a request whose body was refused after the caller got past authorization. */
    private static final Set<Integer> REFUSED_BODY = Set.of(400, 409, 413, 415, 422);

    private final Map<String, Row> rows;

    private AuthorizationMatrix(Map<String, Row> rows) {
        this.rows = rows;
    }

    /** The rows by endpoint key ({@code METHOD /path}), in the order of the table. */
    Map<String, Row> rows() {
        return rows;
    }

    static AuthorizationMatrix load() {
        try (InputStream in = AuthorizationMatrix.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the test resources");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AuthorizationMatrix parse(String text) {
        Map<String, List<String>> aliases = new LinkedHashMap<>();
        Map<String, Row> rows = new LinkedHashMap<>();
        int number = 0;
        for (String raw : text.split("\n")) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String at = RESOURCE + " line " + number + ": ";
            if (line.startsWith("@")) {
                String[] parts = line.split("=", 2);
                if (parts.length != 2) {
                    throw new IllegalArgumentException(at + "an alias reads @NAME = ROLE,ROLE");
                }
                List<String> roles = roles(parts[1].strip(), aliases, at);
                aliases.put(parts[0].strip(), roles);
                continue;
            }
            String[] columns = line.split("\\|");
            if (columns.length != 4) {
                throw new IllegalArgumentException(at + "a row has four columns: endpoint | fixture | send | rule");
            }
            Row row = row(columns, aliases, at);
            if (rows.put(row.key(), row) != null) {
                throw new IllegalArgumentException(at + "a second row for " + row.key());
            }
        }
        return new AuthorizationMatrix(rows);
    }

    private static Row row(String[] columns, Map<String, List<String>> aliases, String at) {
        String endpoint = columns[0].strip();
        int space = endpoint.indexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException(at + "the endpoint reads METHOD /path");
        }
        String method = endpoint.substring(0, space);
        String rest = endpoint.substring(space).strip();
        String suffix = "";
        int paren = rest.indexOf(" (");
        if (paren >= 0) {
            suffix = rest.substring(paren);
            rest = rest.substring(0, paren);
        }
        int query = rest.indexOf('?');
        String path = query < 0 ? rest : rest.substring(0, query);
        boolean open = false;
        Expected anonymous =
                path.startsWith("/api/") || path.startsWith("/actuator") ? Expected.UNAUTHENTICATED : Expected.LOGIN;
        boolean session = false;
        List<Rule> rules = new ArrayList<>();
        for (String token : columns[3].strip().split("\\s+")) {
            if (token.equals("public")) {
                open = true;
            } else if (token.equals("anon=login")) {
                anonymous = Expected.LOGIN;
            } else if (token.equals("anon=401")) {
                anonymous = Expected.UNAUTHENTICATED;
            } else if (token.equals("auth=session")) {
                session = true;
            } else {
                int colon = token.lastIndexOf(':');
                if (colon < 0) {
                    throw new IllegalArgumentException(at + "unknown rule " + token);
                }
                Scope scope;
                try {
                    scope = Scope.valueOf(token.substring(colon + 1).toUpperCase());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(at + "unknown scope in " + token, e);
                }
                String who = token.substring(0, colon);
                rules.add(new Rule(who.equals("*") ? null : Set.copyOf(roles(who, aliases, at)), scope));
            }
        }
        if (!open && rules.isEmpty()) {
            throw new IllegalArgumentException(at + "no rule: say who may call " + endpoint);
        }
        return new Row(
                method + " " + path + suffix,
                method,
                rest,
                columns[1].strip(),
                columns[2].strip(),
                open,
                anonymous,
                session,
                List.copyOf(rules));
    }

    private static List<String> roles(String list, Map<String, List<String>> aliases, String at) {
        Set<String> roles = new LinkedHashSet<>();
        for (String name : list.split(",")) {
            String role = name.strip();
            if (role.startsWith("@")) {
                List<String> alias = aliases.get(role);
                if (alias == null) {
                    throw new IllegalArgumentException(at + "unknown alias " + role);
                }
                roles.addAll(alias);
            } else if (ROLES.contains(role)) {
                roles.add(role);
            } else {
                throw new IllegalArgumentException(at + "unknown role " + role);
            }
        }
        return List.copyOf(roles);
    }

    /** {@code text} with every {@code {name}} replaced from {@code vars}. */
    static String fill(String text, Map<String, String> vars) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = vars.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for {" + matcher.group(1) + "} in " + text);
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    enum Scope {
        ANY,
        UNIT,
        OWN,
        NATIONAL
    }

    /** Holders of {@code roles} ({@code null}: any role) may call the endpoint within {@code scope}. */
    record Rule(Set<String> roles, Scope scope) {

        boolean holds(RoleGrant grant) {
            return roles == null || roles.contains(grant.role());
        }
    }

    /** Whether unit {@code unitId} is {@code ancestorId} or lies below it. */
    interface Within {
        boolean test(long unitId, long ancestorId);
    }

    /** The answer class a call must get. */
    enum Expected {
        ALLOWED("allowed (2xx, 3xx not to /login, or a refused body: 400, 409, 413, 415, 422)"),
        FORBIDDEN("403 (role refused)"),
        NOT_FOUND("404 (outside the caller's scope)"),
        UNAUTHENTICATED("401 (not signed in)"),
        LOGIN("a redirect to /login (not signed in)");

        private final String description;

        Expected(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }

        boolean matches(int status, String location) {
            boolean toLogin = location != null
                    && location.replaceFirst("^https?://[^/]+", "").startsWith("/login");
            return switch (this) {
                case ALLOWED -> (status >= 200 && status < 400 && !toLogin) || REFUSED_BODY.contains(status);
                case FORBIDDEN -> status == 403;
                case NOT_FOUND -> status == 404;
                case UNAUTHENTICATED -> status == 401;
                case LOGIN -> status >= 300 && status < 400 && toLogin;
            };
        }

        /** The more permissive of two answers: allowed before outside scope before refused. */
        Expected or(Expected other) {
            return rank() >= other.rank() ? this : other;
        }

        private int rank() {
            return switch (this) {
                case ALLOWED -> 3;
                case NOT_FOUND -> 2;
                case FORBIDDEN -> 1;
                default -> 0;
            };
        }
    }

    /**
     * One row: the endpoint {@code key}, the request {@code url} (with {@code {vars}} and query), how to fill it, what to
     * send, and who may call it.
     */
    record Row(
            String key,
            String method,
            String url,
            String fixture,
            String send,
            boolean open,
            Expected anonymous,
            boolean sessionAuth,
            List<Rule> rules) {

        /** Under the stateless API chain (bearer tokens, problem details). */
        boolean api() {
            return url.startsWith("/api/") || url.startsWith("/actuator");
        }

        Expected anonymousExpected() {
            return open ? Expected.ALLOWED : anonymous;
        }

        /**
         * What {@code caller} must get for an object of {@code unitId} ({@code null}: no unit) owned by {@code owner}
         * ({@code null}: nobody in particular); {@code object} is false for an endpoint without an object.
         */
        Expected expectedFor(PeduliPrincipal caller, boolean object, Long unitId, String owner, Within within) {
            if (open) {
                return Expected.ALLOWED;
            }
            Expected best = Expected.FORBIDDEN;
            for (Rule rule : rules) {
                for (RoleGrant grant : caller.grants()) {
                    if (!rule.holds(grant)) {
                        continue;
                    }
                    boolean covered = grant.unitId() == null || (unitId != null && within.test(unitId, grant.unitId()));
                    Expected answer = switch (rule.scope()) {
                        case ANY -> Expected.ALLOWED;
                        case NATIONAL -> grant.unitId() == null ? Expected.ALLOWED : Expected.FORBIDDEN;
                        case UNIT -> !object || covered ? Expected.ALLOWED : Expected.NOT_FOUND;
                        case OWN ->
                            !object || (caller.username().equals(owner) && (unitId == null || covered))
                                    ? Expected.ALLOWED
                                    : Expected.NOT_FOUND;
                    };
                    best = best.or(answer);
                }
            }
            return best;
        }

        @Override
        public String toString() {
            return key + " " + Arrays.toString(rules.toArray());
        }
    }
}
