package id.peduli.registry;

import id.peduli.organization.Organizations;
import id.peduli.platform.FieldEncryption;
import id.peduli.registry.identity.Nik;
import id.peduli.registry.person.Households;
import id.peduli.registry.person.PersonCommand;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Test data for the registry: signing in as a demo user, a builder of registration commands, and households with family
 * cards written directly.
 */
public final class RegistryTestSupport {

    private RegistryTestSupport() {}

    public static void signIn(ApplicationContext context, String username) {
        UserDetails details = context.getBean(UserDetailsService.class).loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }

    public static long unit(ApplicationContext context, String name) {
        return context.getBean(Organizations.class).tree().stream()
                .filter(u -> u.name().equals(name))
                .findFirst()
                .orElseThrow()
                .id();
    }

    /** A household of the unit, written directly (no head yet). */
    public static long household(ApplicationContext context, long unitId, String regionCode) {
        return context.getBean(JdbcClient.class)
                .sql("insert into registry.household (org_unit_id, region_code) values (?, ?) returning id")
                .params(unitId, regionCode)
                .query(Long.class)
                .single();
    }

    /** A family card period of the household, encrypted with the application's key. */
    public static void familyCard(ApplicationContext context, long household, String kk, LocalDate from, LocalDate to) {
        FieldEncryption encryption = context.getBean(FieldEncryption.class);
        context.getBean(JdbcClient.class)
                .sql("insert into registry.kk_history (household_id, kk_cipher, kk_hash, kk_masked, valid_from,"
                        + " valid_to) values (?, ?, ?, ?, ?, ?)")
                .params(
                        household,
                        encryption.encrypt(Households.KK_FIELD, kk),
                        encryption.hash(Households.KK_FIELD, kk),
                        Nik.masked(kk),
                        from,
                        to)
                .update();
    }

    /** A person in Kota Jambi; change fields with the with-methods. */
    public static PersonBuilder aPerson(long unitId) {
        return new PersonBuilder(unitId);
    }

    public static final class PersonBuilder {
        private final long unitId;
        private String fullName = "Siti Lestari";
        private Sex sex = Sex.F;
        private LocalDate birthDate = LocalDate.of(1990, 5, 17);
        private Integer birthYear;
        private String nik;
        private String region = "15.71.01.1001";
        private List<DisabilityType> disabilities = List.of();
        private Long guardianId;
        private String guardianRelationship;
        private boolean accept;

        PersonBuilder(long unitId) {
            this.unitId = unitId;
        }

        public PersonBuilder named(String value) {
            fullName = value;
            return this;
        }

        public PersonBuilder sex(Sex value) {
            sex = value;
            return this;
        }

        public PersonBuilder born(LocalDate value) {
            birthDate = value;
            birthYear = null;
            return this;
        }

        public PersonBuilder bornAbout(int year) {
            birthDate = null;
            birthYear = year;
            return this;
        }

        public PersonBuilder nik(String value) {
            nik = value;
            return this;
        }

        public PersonBuilder region(String value) {
            region = value;
            return this;
        }

        public PersonBuilder disabilities(DisabilityType... values) {
            disabilities = List.of(values);
            return this;
        }

        public PersonBuilder guardian(Long id, String relationship) {
            guardianId = id;
            guardianRelationship = relationship;
            return this;
        }

        public PersonBuilder acceptingWarnings() {
            accept = true;
            return this;
        }

        public PersonCommand build() {
            return new PersonCommand(
                    unitId,
                    fullName,
                    null,
                    sex,
                    "Jambi",
                    birthDate,
                    birthYear,
                    nik,
                    region,
                    "003",
                    "002",
                    "Jl. Sipin",
                    null,
                    disabilities,
                    null,
                    null,
                    guardianId,
                    guardianRelationship,
                    null,
                    accept);
        }
    }

    /** A valid NIK from Kota Jambi (district 15.71.01) for the birth date and sex, with the given serial. */
    public static String nikFor(LocalDate birth, Sex sex, int serial) {
        int day = birth.getDayOfMonth() + (sex == Sex.F ? 40 : 0);
        return String.format("157101%02d%02d%02d%04d", day, birth.getMonthValue(), birth.getYear() % 100, serial);
    }
}
