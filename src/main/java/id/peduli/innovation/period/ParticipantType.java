package id.peduli.innovation.period;

/** What kind of agency enters an innovation; one of the quota dimensions of the Top 99. */
public enum ParticipantType {
    MINISTRY,
    PROVINCE,
    REGENCY,
    CITY,
    STATE_ENTERPRISE
}
