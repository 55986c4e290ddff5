package id.peduli.workshop;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** A mentor training: date, topic, trainer, length in hours and the mentors of the site who attended. */
public record TrainingCommand(
        @NotNull(message = "{validation.required}") LocalDate heldOn,

        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.maxLength}")
        String topic,

        @Size(max = 200, message = "{validation.maxLength}") String trainer,

        @NotNull(message = "{validation.required}")
        @Min(value = 1, message = "{workshop.hoursRange}")
        @Max(value = 200, message = "{workshop.hoursRange}")
        Integer hours,

        List<Long> attendedBy) {

    public TrainingCommand {
        attendedBy = attendedBy == null ? List.of() : List.copyOf(attendedBy);
    }
}
