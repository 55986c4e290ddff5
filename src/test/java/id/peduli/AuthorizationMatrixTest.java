package id.peduli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.peduli.AuthorizationMatrix.Expected;
import id.peduli.AuthorizationMatrix.Row;
import id.peduli.platform.PeduliPrincipal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table syntax of {@link AuthorizationMatrix} and the answers it derives for a caller. */
class AuthorizationMatrixTest {

    /** Units: 1 is the root, 2 and 3 lie below it, 4 below 2. */
    private static final AuthorizationMatrix.Within TREE =
            (unit, ancestor) -> unit == ancestor || ancestor == 1 || (unit == 4 && ancestor == 2);

    private record Caller(String username, List<RoleGrant> grants) implements PeduliPrincipal {

        @Override
        public long userId() {
            return 1;
        }

        @Override
        public String fullName() {
            return username;
        }
    }

    private static Caller caller(String username, String role, Long unitId) {
        return new Caller(username, List.of(new PeduliPrincipal.RoleGrant(role, unitId, null)));
    }

    private static final String TABLE = """
            # a comment
            @READ = SOCIAL_WORKER,DPO

            GET  /people/{id}                | person | -    | @READ:unit
            POST /imports/{id}/commit        | import | form | SOCIAL_WORKER:own
            GET  /actuator/info              | -      | -    | SYSTEM_ADMIN:national
            GET  /about                      | -      | -    | public
            GET  /api/docs/ui                | -      | -    | *:any auth=session anon=login
            GET  /api/v1/people/{id}/coverage?purpose=SERVICE_DELIVERY | person | - | @READ:unit
            ANY  /error (text/html)          | -      | -    | public
            """;

    private final AuthorizationMatrix matrix = AuthorizationMatrix.parse(TABLE);

    private Row row(String key) {
        return matrix.rows().get(key);
    }

    @Test
    void rowsAreKeyedByMethodAndPatternWithoutTheQuery() {
        assertThat(matrix.rows().keySet())
                .containsExactly(
                        "GET /people/{id}",
                        "POST /imports/{id}/commit",
                        "GET /actuator/info",
                        "GET /about",
                        "GET /api/docs/ui",
                        "GET /api/v1/people/{id}/coverage",
                        "ANY /error (text/html)");
        assertThat(row("GET /api/v1/people/{id}/coverage").url())
                .isEqualTo("/api/v1/people/{id}/coverage?purpose=SERVICE_DELIVERY");
        assertThat(row("ANY /error (text/html)").url()).isEqualTo("/error");
    }

    @Test
    void aUnitRuleAllowsInsideTheGrantAnswersNotFoundOutsideAndRefusesOtherRoles() {
        Row row = row("GET /people/{id}");
        Caller worker = caller("pekerja", "SOCIAL_WORKER", 2L);
        assertThat(row.expectedFor(worker, true, 4L, null, TREE)).isEqualTo(Expected.ALLOWED);
        assertThat(row.expectedFor(worker, true, 3L, null, TREE)).isEqualTo(Expected.NOT_FOUND);
        assertThat(row.expectedFor(caller("dpo", "DPO", null), true, 3L, null, TREE))
                .isEqualTo(Expected.ALLOWED);
        assertThat(row.expectedFor(caller("auditor", "AUDITOR", null), true, 4L, null, TREE))
                .isEqualTo(Expected.FORBIDDEN);
    }

    @Test
    void anOwnRuleNeedsTheOwnerStillHoldingTheRoleForTheUnit() {
        Row row = row("POST /imports/{id}/commit");
        Caller worker = caller("pekerja", "SOCIAL_WORKER", 2L);
        assertThat(row.expectedFor(worker, true, 4L, "pekerja", TREE)).isEqualTo(Expected.ALLOWED);
        assertThat(row.expectedFor(worker, true, 4L, "someone else", TREE)).isEqualTo(Expected.NOT_FOUND);
        assertThat(row.expectedFor(worker, true, 3L, "pekerja", TREE)).isEqualTo(Expected.NOT_FOUND);
    }

    @Test
    void aNationalRuleRefusesUnitLevelHolders() {
        Row row = row("GET /actuator/info");
        assertThat(row.expectedFor(caller("admin", "SYSTEM_ADMIN", null), false, null, null, TREE))
                .isEqualTo(Expected.ALLOWED);
        assertThat(row.expectedFor(caller("admin.unit", "SYSTEM_ADMIN", 2L), false, null, null, TREE))
                .isEqualTo(Expected.FORBIDDEN);
    }

    @Test
    void callersWithoutSignInGetTheDefaultOfTheirChainUnlessTheRowSaysOtherwise() {
        assertThat(row("GET /people/{id}").anonymousExpected()).isEqualTo(Expected.LOGIN);
        assertThat(row("GET /actuator/info").anonymousExpected()).isEqualTo(Expected.UNAUTHENTICATED);
        assertThat(row("GET /about").anonymousExpected()).isEqualTo(Expected.ALLOWED);
        assertThat(row("GET /api/docs/ui").anonymousExpected()).isEqualTo(Expected.LOGIN);
        assertThat(row("GET /api/docs/ui").sessionAuth()).isTrue();
    }

    @Test
    void answerClasses() {
        assertThat(Expected.ALLOWED.matches(200, null)).isTrue();
        assertThat(Expected.ALLOWED.matches(302, "/people/1")).isTrue();
        assertThat(Expected.ALLOWED.matches(422, null)).isTrue();
        assertThat(Expected.ALLOWED.matches(302, "http://localhost/login")).isFalse();
        assertThat(Expected.ALLOWED.matches(403, null)).isFalse();
        assertThat(Expected.ALLOWED.matches(404, null)).isFalse();
        assertThat(Expected.ALLOWED.matches(500, null)).isFalse();
        assertThat(Expected.LOGIN.matches(302, "http://localhost/login")).isTrue();
        assertThat(Expected.LOGIN.matches(302, "/people")).isFalse();
    }

    @Test
    void mistakesInTheTableNameTheLine() {
        assertThatThrownBy(() -> AuthorizationMatrix.parse("GET /x | - | - | SOCIAL_WORKR:unit"))
                .hasMessageContaining("line 1")
                .hasMessageContaining("unknown role SOCIAL_WORKR");
        assertThatThrownBy(() -> AuthorizationMatrix.parse("GET /x | - | - | @NOPE:unit"))
                .hasMessageContaining("unknown alias @NOPE");
        assertThatThrownBy(() -> AuthorizationMatrix.parse("GET /x | - | - | DPO:somewhere"))
                .hasMessageContaining("unknown scope");
        assertThatThrownBy(() -> AuthorizationMatrix.parse("GET /x | - | - | DPO:any\nGET /x | - | - | public"))
                .hasMessageContaining("line 2")
                .hasMessageContaining("a second row for GET /x");
        assertThatThrownBy(() -> AuthorizationMatrix.parse("GET /x | - | DPO:any"))
                .hasMessageContaining("four columns");
    }

    @Test
    void fillReplacesVariablesAndNamesAMissingOne() {
        assertThat(AuthorizationMatrix.fill(
                        "/people/{id}/household/{householdId}", java.util.Map.of("id", "7", "householdId", "9")))
                .isEqualTo("/people/7/household/9");
        assertThatThrownBy(() -> AuthorizationMatrix.fill("/people/{id}", java.util.Map.of()))
                .hasMessageContaining("{id}");
    }
}
