package id.peduli.region;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The format of Kemendagri region codes in dotted form: province {@code 33}, regency {@code 33.23}, district
 * {@code 33.23.01}, village {@code 33.23.01.2001}. It checks the shape of a code only; {@link Regions#exists} tells
 * whether the region is real.
 */
public final class RegionCodes {

    public static final int PROVINCE = 1;
    public static final int REGENCY = 2;
    public static final int DISTRICT = 3;
    public static final int VILLAGE = 4;

    private static final Pattern FORMAT = Pattern.compile("\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?");

    private RegionCodes() {}

    /** Whether {@code code} has the dotted form of a province, regency, district or village code. */
    public static boolean isWellFormed(String code) {
        return code != null && FORMAT.matcher(code).matches();
    }

    /** The level of a well-formed code (1 province … 4 village), or 0 when the code is malformed. */
    public static int levelOf(String code) {
        if (!isWellFormed(code)) {
            return 0;
        }
        return switch (code.length()) {
            case 2 -> PROVINCE;
            case 5 -> REGENCY;
            case 8 -> DISTRICT;
            default -> VILLAGE;
        };
    }

    /** The code of the parent region, or {@code null} for a province or a malformed code. */
    public static String parentOf(String code) {
        int level = levelOf(code);
        return level <= PROVINCE ? null : prefix(code, level - 1);
    }

    /**
     * The code of the ancestor at {@code level} (the code itself at its own level), or {@code null} when the code is
     * malformed or less deep than {@code level}.
     */
    public static String ancestorAt(String code, int level) {
        int own = levelOf(code);
        if (own == 0 || level < PROVINCE || level > own) {
            return null;
        }
        return prefix(code, level);
    }

    /** The codes from the province down to {@code code} itself; empty for a malformed code. */
    public static List<String> lineage(String code) {
        int own = levelOf(code);
        List<String> codes = new ArrayList<>(own);
        for (int level = PROVINCE; level <= own; level++) {
            codes.add(prefix(code, level));
        }
        return codes;
    }

    private static String prefix(String code, int level) {
        return code.substring(0, level == VILLAGE ? 13 : level * 3 - 1);
    }
}
