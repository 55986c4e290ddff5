package id.peduli.workshop;

import java.time.LocalDate;
import java.util.List;

/** A mentor training (bimtek) of a site with the mentors who attended. */
public record TrainingView(
        long id, long siteId, LocalDate heldOn, String topic, String trainer, int hours, List<Long> attendedBy) {}
