package id.peduli.casework;

import java.time.LocalDate;
import java.util.List;

/** An intervention plan of an enrolment with its goals; {@code overdue} when its review date has passed. */
public record PlanView(
        long id, long enrolmentId, String title, LocalDate reviewOn, String status, long version, List<Goal> goals) {

    public record Goal(
            long id,
            String description,
            RehabComponent component,
            String baseline,
            String target,
            int independenceLevel,
            LocalDate reviewOn,
            String status,
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
