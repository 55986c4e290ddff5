package id.peduli.casework;

import java.time.LocalDate;
import java.util.Map;

/** A scored assessment: when, by whom, with which template version, and the score of each item. */
public record AssessmentView(
        long id,
        long enrolmentId,
        long templateId,
        LocalDate assessedOn,
        String assessor,
        String notes,
        Map<Long, Integer> scores) {}
