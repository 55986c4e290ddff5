package id.peduli.registry.search;

import id.peduli.registry.DisabilityType;
import id.peduli.registry.Sex;
import java.util.ArrayList;
import java.util.List;

/** Checked search criteria; {@code nikHash} and {@code kkHash} are set for exact lookups only. */
record SearchCriteria(
        Kind kind,
        String nameKey,
        byte[] nikHash,
        byte[] kkHash,
        String maskedIdentifier,
        String region,
        Integer ageFrom,
        Integer ageTo,
        Sex sex,
        DisabilityType disability) {

    /** What the search box holds. */
    enum Kind {
        /** Nothing: every person (within the filters), the most recently registered first. */
        ALL,
        /** A name of three or more letters: fuzzy. */
        NAME,
        /** One or two letters: names or words of the name starting with them. */
        PREFIX,
        /** Sixteen digits: the person with this NIK and the members of the household with this KK. */
        IDENTIFIER
    }

    /** The criteria in words for the processing log; a NIK or KK lookup is named, never its number. */
    String describe() {
        List<String> parts = new ArrayList<>();
        switch (kind) {
            case NAME, PREFIX -> parts.add("name~" + nameKey);
            // Never the number, not even masked: the processing log must not hold it.
            case IDENTIFIER -> parts.add("nik/kk");
            case ALL -> parts.add("all");
        }
        if (region != null) {
            parts.add("region=" + region);
        }
        if (ageFrom != null || ageTo != null) {
            parts.add("age=" + (ageFrom == null ? "" : ageFrom) + "-" + (ageTo == null ? "" : ageTo));
        }
        if (sex != null) {
            parts.add("sex=" + sex);
        }
        if (disability != null) {
            parts.add("disability=" + disability);
        }
        return String.join("; ", parts);
    }
}
