package id.peduli.casework;

import java.time.LocalDate;
import java.util.Map;

/**
 * A new activity at a unit. {@code type} is one of {@link Activities#TYPES}; {@code attendance} maps each
 * participating enrolment to whether the person came.
 */
public record ActivityCommand(
        String type,
        LocalDate heldOn,
        Integer durationMinutes,
        String staff,
        RehabComponent component,
        String notes,
        Map<Long, Boolean> attendance) {}
