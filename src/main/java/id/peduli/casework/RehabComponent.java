package id.peduli.casework;

/** The seven components of Kemensos' ATENSI framework that a service activity or a goal serves. */
public enum RehabComponent {
    DECENT_LIVING,
    CARE,
    FAMILY_SUPPORT,
    THERAPY,
    VOCATIONAL,
    SOCIAL_ASSISTANCE,
    ACCESSIBILITY;

    public String labelKey() {
        return "casework.component." + name();
    }
}
