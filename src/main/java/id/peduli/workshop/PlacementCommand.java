package id.peduli.workshop;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A placement of a participant (enrolment id) of the site: employer, kind, start, monthly wage, hours, support. */
public record PlacementCommand(
        @NotNull(message = "{validation.required}") Long participantId,

        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.maxLength}")
        String employerName,

        @Size(max = 100, message = "{validation.maxLength}") String sector,

        @Pattern(regexp = "^$|^\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?$", message = "{region.invalidFormat}")
        String regionCode,

        @NotNull(message = "{validation.required}") PlacementView.Kind kind,
        @NotNull(message = "{validation.required}") LocalDate startedOn,

        @NotNull(message = "{validation.required}")
        @Min(value = 0, message = "{workshop.priceRange}")
        @Max(value = 1_000_000_000L, message = "{workshop.priceRange}")
        Long monthlyWage,

        @NotNull(message = "{validation.required}")
        @Min(value = 0, message = "{workshop.hoursPerWeekRange}")
        @Max(value = 80, message = "{workshop.hoursPerWeekRange}")
        Integer hoursPerWeek,

        @Size(max = 500, message = "{validation.maxLength}") String support) {}
