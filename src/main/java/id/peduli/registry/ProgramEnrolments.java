package id.peduli.registry;

import java.util.List;

/**
 * Extension point for the Programmes tab of a profile: each programme module that enrols people contributes a bean
 * listing a person's enrolments.
 */
public interface ProgramEnrolments {

    List<Enrolment> enrolmentsOf(long personId);

    /** One enrolment: the programme's message key, where, since when, its status and a link to it. */
    record Enrolment(String programKey, String unitName, java.time.LocalDate since, String statusKey, String href) {}
}
