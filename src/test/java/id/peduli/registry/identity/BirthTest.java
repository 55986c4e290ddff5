package id.peduli.registry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The birth rule that the registration form, the API and the import share. */
class BirthTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    @Test
    void aDateOrAYearAloneIsEnough() {
        assertThat(Birth.check(LocalDate.of(1990, 5, 13), null, TODAY)).isEmpty();
        assertThat(Birth.check(null, 1990, TODAY)).isEmpty();
        assertThat(Birth.check(LocalDate.of(1990, 5, 13), 1990, TODAY)).isEmpty();
        assertThat(Birth.year(null, 1990)).isEqualTo(1990);
        assertThat(Birth.year(LocalDate.of(1991, 1, 1), null)).isEqualTo(1991);
    }

    @Test
    void neitherIsRefusedAsMissing() {
        assertThat(Birth.check(null, null, TODAY)).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo(Birth.Field.DATE);
            assertThat(p.missing()).isTrue();
        });
    }

    @Test
    void theFutureAndADisagreeingYearAreRefused() {
        assertThat(Birth.check(LocalDate.of(2026, 12, 1), null, TODAY))
                .extracting(Birth.Problem::field, Birth.Problem::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Birth.Field.DATE, "person.birthInFuture"));
        assertThat(Birth.check(null, 2027, TODAY))
                .extracting(Birth.Problem::field, Birth.Problem::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Birth.Field.YEAR, "person.birthInFuture"));
        assertThat(Birth.check(LocalDate.of(1990, 5, 13), 1991, TODAY))
                .extracting(Birth.Problem::field, Birth.Problem::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Birth.Field.YEAR, "person.birthYearMismatch"));
    }
}
