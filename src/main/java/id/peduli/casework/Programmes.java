package id.peduli.casework;

import id.peduli.organization.Organizations;
import id.peduli.shared.BusinessException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The programmes people enrol in. A programme declares the consent purpose that must be covered before anyone is
 * enrolled, chosen by its kind: {@link #WORKSHOP} needs {@code WORKSHOP_SERVICES}, {@link #CHILD_WELFARE} needs
 * {@code CHILD_WELFARE_SERVICES}, any other kind {@code SERVICE_DELIVERY} (see {@link CaseworkConsentPurposes}).
 *
 * <p>Programmes are set up by the modules that run them (in their demo seeds and at start) and read by anyone who may
 * read an enrolment; these methods carry no method security.
 */
@Service
public class Programmes {

    /** The kind of the sheltered workshop programme (System A). */
    public static final String WORKSHOP = "WORKSHOP";

    /** The kind of the family-based child welfare programme (System B). */
    public static final String CHILD_WELFARE = "CHILD_WELFARE";

    static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9_]{1,39}$");
    static final Pattern KIND = Pattern.compile("^[A-Z][A-Z0-9_]{1,39}$");

    private final JdbcClient jdbc;
    private final Organizations organizations;

    Programmes(JdbcClient jdbc, Organizations organizations) {
        this.jdbc = jdbc;
        this.organizations = organizations;
    }

    /** The consent purpose a programme of {@code kind} needs before enrolment. */
    static String consentPurpose(String kind) {
        return switch (kind) {
            case WORKSHOP -> CaseworkConsentPurposes.WORKSHOP_SERVICES;
            case CHILD_WELFARE -> CaseworkConsentPurposes.CHILD_WELFARE_SERVICES;
            default -> "SERVICE_DELIVERY";
        };
    }

    /**
     * The programme with {@code code}, created when missing (name, kind and owning unit are then taken from the
     * arguments; an existing programme is returned unchanged). Codes are upper-case letters, digits and underscores.
     */
    @Transactional
    public ProgrammeView ensure(String code, String name, String kind, long unitId) {
        Optional<ProgrammeView> existing = byCode(code);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (code == null || !CODE.matcher(code).matches()) {
            throw BusinessException.invalid("code", "casework.programme.codeFormat");
        }
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw BusinessException.invalid("kind", "casework.programme.codeFormat");
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw BusinessException.invalid("name", "validation.required");
        }
        if (!organizations.exists(unitId)) {
            throw BusinessException.invalid("unitId", "casework.unit.unknown");
        }
        jdbc.sql("""
                        insert into casework.programme (code, name, kind, org_unit_id, consent_purpose)
                        values (?, ?, ?, ?, ?) on conflict (code) do nothing
                        """)
                .params(code, name.strip(), kind, unitId, consentPurpose(kind))
                .update();
        return byCode(code).orElseThrow();
    }

    public Optional<ProgrammeView> byCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return jdbc.sql("select * from casework.programme where code = ?")
                .param(code)
                .query(Programmes::map)
                .optional();
    }

    public Optional<ProgrammeView> find(long id) {
        return jdbc.sql("select * from casework.programme where id = ?")
                .param(id)
                .query(Programmes::map)
                .optional();
    }

    /** Every programme, by name. */
    public List<ProgrammeView> all() {
        return jdbc.sql("select * from casework.programme order by name")
                .query(Programmes::map)
                .list();
    }

    /** The consent purpose enrolment in the programme needs. */
    String purposeOf(long programmeId) {
        return jdbc.sql("select consent_purpose from casework.programme where id = ?")
                .param(programmeId)
                .query(String.class)
                .single();
    }

    private static ProgrammeView map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ProgrammeView(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("kind"),
                rs.getLong("org_unit_id"));
    }
}
