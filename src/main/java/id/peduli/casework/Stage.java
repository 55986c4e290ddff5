package id.peduli.casework;

/**
 * Where an enrolment stands, in the order of Kemensos' ATENSI stages. Which stage may follow which is decided by the
 * enrolment itself (see {@code Enrolment.NEXT}); the person takes part in the programme from intake until termination
 * ({@link #active()}).
 */
public enum Stage {
    REFERRED,
    INTAKE,
    ASSESSMENT,
    PLAN,
    INTERVENTION,
    MONITORING,
    TERMINATED,
    FOLLOW_UP,
    CLOSED;

    /** True from intake until termination: the person takes part (attends, is assessed, has a plan). */
    public boolean active() {
        return ordinal() >= INTAKE.ordinal() && ordinal() <= MONITORING.ordinal();
    }

    /** The message key of the stage's label. */
    public String labelKey() {
        return "casework.stage." + name();
    }
}
