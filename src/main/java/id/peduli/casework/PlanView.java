package id.peduli.casework;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/**
 * An intervention plan of an enrolment with its goals; {@code overdue} when its review date has passed. A goal's
 * {@code achievedOn} is the day it was achieved while its status is ACHIEVED, empty otherwise.
 */
public record PlanView(
        long id,
        long enrolmentId,
        String title,
        LocalDate reviewOn,
        LocalDate startedOn,
        String status,
        long version,
        List<Goal> goals) {

    @Schema(name = "CaseworkGoal")
    public record Goal(
            long id,
            String description,
            RehabComponent component,
            String baseline,
            String target,
            int independenceLevel,
            LocalDate reviewOn,
            String status,
            LocalDate achievedOn,
            long version) {

        public boolean open() {
            return "OPEN".equals(status);
        }

        public boolean overdue(LocalDate today) {
            return open() && reviewOn.isBefore(today);
        }
    }

    public boolean overdue(LocalDate today) {
        return "ACTIVE".equals(status) && reviewOn.isBefore(today);
    }
}
