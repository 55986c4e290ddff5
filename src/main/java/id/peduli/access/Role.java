package id.peduli.access;

/** The roles a user can be granted for an organisation unit. */
public enum Role {
    SYSTEM_ADMIN,
    DPO,
    AUDITOR,
    UNIT_HEAD,
    PROGRAM_MANAGER,
    SOCIAL_WORKER,
    SITE_MENTOR,
    LOGISTICS_OFFICER,
    UNIT_OPERATOR,
    AGENCY_VERIFIER,
    SECRETARIAT,
    EVALUATOR,
    PANELIST;

    public String authority() {
        return "ROLE_" + name();
    }
}
