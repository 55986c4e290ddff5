package id.peduli.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The date formats an import accepts, and the two ways a date is refused. */
class ImportDatesTest {

    @Test
    void acceptsIsoAndDayMonthYearWithDashesOrSlashes() {
        assertThat(ImportDates.parseDate("1990-02-28").date()).isEqualTo(LocalDate.of(1990, 2, 28));
        assertThat(ImportDates.parseDate("28-02-1990").date()).isEqualTo(LocalDate.of(1990, 2, 28));
        assertThat(ImportDates.parseDate("28/02/1990").date()).isEqualTo(LocalDate.of(1990, 2, 28));
        assertThat(ImportDates.parseDate("5/3/1992").date()).isEqualTo(LocalDate.of(1992, 3, 5));
        assertThat(ImportDates.parseDate("29-02-2000").date()).isEqualTo(LocalDate.of(2000, 2, 29));
    }

    @Test
    void aDayThatIsNotInTheCalendarIsRefusedAsSuch() {
        assertThat(ImportDates.parseDate("31-02-1990").problem()).isEqualTo("import.date.notInCalendar");
        assertThat(ImportDates.parseDate("1990-04-31").problem()).isEqualTo("import.date.notInCalendar");
        assertThat(ImportDates.parseDate("29/02/1900").problem()).isEqualTo("import.date.notInCalendar");
    }

    @Test
    void otherShapesAreRefusedWithTheAcceptedFormats() {
        assertThat(ImportDates.parseDate("1990/13/01").problem()).isEqualTo("import.date.format");
        assertThat(ImportDates.parseDate("15 Februari 1990").problem()).isEqualTo("import.date.format");
        assertThat(ImportDates.parseDate("15-02-90").problem()).isEqualTo("import.date.format");
        assertThat(ImportDates.parseDate("15-13-1990").problem()).isEqualTo("import.date.month");
        assertThat(ImportDates.parseDate("15-02-1890").problem()).isEqualTo("import.date.year");
    }
}
