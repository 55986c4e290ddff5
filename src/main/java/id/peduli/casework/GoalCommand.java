package id.peduli.casework;

import java.time.LocalDate;

/**
 * A goal of a plan: what the person works towards, the ATENSI component it serves, where they start (baseline), what
 * counts as reached (target), the independence level today (1 = fully supported … 5 = independent) and when it is
 * reviewed.
 */
public record GoalCommand(
        String description,
        RehabComponent component,
        String baseline,
        String target,
        Integer independenceLevel,
        LocalDate reviewOn) {}
