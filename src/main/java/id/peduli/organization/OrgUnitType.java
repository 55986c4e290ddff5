package id.peduli.organization;

/** Kinds of organisation unit. */
public enum OrgUnitType {
    MINISTRY,
    DIRECTORATE,
    TECHNICAL_UNIT,
    SITE,
    COMMUNITY_GROUP,
    LOCAL_GOVERNMENT,
    STATE_ENTERPRISE,
    OTHER_AGENCY
}
