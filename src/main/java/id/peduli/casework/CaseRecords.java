package id.peduli.casework;

import java.util.List;

/** Tables of the case core besides enrolments that name a registry person directly. */
final class CaseRecords {

    /** Moved to the survivor when two people are merged. */
    static final List<String> PERSON_TABLES = List.of("casework.referral");

    private CaseRecords() {}
}
