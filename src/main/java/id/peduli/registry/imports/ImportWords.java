package id.peduli.registry.imports;

import id.peduli.registry.DisabilityType;
import java.util.Locale;
import java.util.Map;

/**
 * The words an import file may use in its coded columns, in Indonesian or English and however written ("Laki-laki",
 * "LK", "Male"): sex, relationship to the head of the household and disability types.
 */
final class ImportWords {

    private static final Map<String, String> SEXES = Map.ofEntries(
            Map.entry("L", "M"),
            Map.entry("LK", "M"),
            Map.entry("LAKI", "M"),
            Map.entry("LAKILAKI", "M"),
            Map.entry("PRIA", "M"),
            Map.entry("M", "M"),
            Map.entry("MALE", "M"),
            Map.entry("P", "F"),
            Map.entry("PR", "F"),
            Map.entry("PEREMPUAN", "F"),
            Map.entry("WANITA", "F"),
            Map.entry("F", "F"),
            Map.entry("FEMALE", "F"));
    private static final Map<String, String> RELATIONSHIPS = Map.ofEntries(
            Map.entry("HEAD", "HEAD"),
            Map.entry("KEPALA", "HEAD"),
            Map.entry("KEPALAKELUARGA", "HEAD"),
            Map.entry("KK", "HEAD"),
            Map.entry("SPOUSE", "SPOUSE"),
            Map.entry("ISTRI", "SPOUSE"),
            Map.entry("ISTERI", "SPOUSE"),
            Map.entry("SUAMI", "SPOUSE"),
            Map.entry("PASANGAN", "SPOUSE"),
            Map.entry("SUAMIISTRI", "SPOUSE"),
            Map.entry("CHILD", "CHILD"),
            Map.entry("ANAK", "CHILD"),
            Map.entry("ANAKKANDUNG", "CHILD"),
            Map.entry("ANAKANGKAT", "CHILD"),
            Map.entry("ANAKTIRI", "CHILD"),
            Map.entry("PARENT", "PARENT"),
            Map.entry("ORANGTUA", "PARENT"),
            Map.entry("AYAH", "PARENT"),
            Map.entry("IBU", "PARENT"),
            Map.entry("SIBLING", "SIBLING"),
            Map.entry("SAUDARA", "SIBLING"),
            Map.entry("SAUDARAKANDUNG", "SIBLING"),
            Map.entry("KAKAK", "SIBLING"),
            Map.entry("ADIK", "SIBLING"),
            Map.entry("GRANDCHILD", "GRANDCHILD"),
            Map.entry("CUCU", "GRANDCHILD"),
            Map.entry("GRANDPARENT", "GRANDPARENT"),
            Map.entry("KAKEK", "GRANDPARENT"),
            Map.entry("NENEK", "GRANDPARENT"),
            Map.entry("KAKEKNENEK", "GRANDPARENT"),
            Map.entry("INLAW", "IN_LAW"),
            Map.entry("IN_LAW", "IN_LAW"),
            Map.entry("MENANTU", "IN_LAW"),
            Map.entry("MERTUA", "IN_LAW"),
            Map.entry("IPAR", "IN_LAW"),
            Map.entry("OTHERRELATIVE", "OTHER_RELATIVE"),
            Map.entry("FAMILILAIN", "OTHER_RELATIVE"),
            Map.entry("KERABAT", "OTHER_RELATIVE"),
            Map.entry("KELUARGALAIN", "OTHER_RELATIVE"),
            Map.entry("OTHER", "OTHER"),
            Map.entry("LAINNYA", "OTHER"),
            Map.entry("LAINLAIN", "OTHER"),
            Map.entry("PEMBANTU", "OTHER"));
    private static final Map<String, DisabilityType> DISABILITIES = Map.ofEntries(
            Map.entry("PHYSICAL", DisabilityType.PHYSICAL),
            Map.entry("FISIK", DisabilityType.PHYSICAL),
            Map.entry("INTELLECTUAL", DisabilityType.INTELLECTUAL),
            Map.entry("INTELEKTUAL", DisabilityType.INTELLECTUAL),
            Map.entry("MENTAL", DisabilityType.MENTAL),
            Map.entry("SENSORY", DisabilityType.SENSORY),
            Map.entry("SENSORIK", DisabilityType.SENSORY));

    private ImportWords() {}

    /** The sex code (M or F) of a written sex, or null when it is none of the known words. */
    static String sex(String written) {
        return SEXES.get(letters(written));
    }

    /** The relationship code of a written relationship to the head, or null. */
    static String relationship(String written) {
        return RELATIONSHIPS.get(letters(written));
    }

    /** The disability type of a written one, or null. */
    static DisabilityType disability(String written) {
        return DISABILITIES.get(letters(written));
    }

    /** Upper-case letters only: "Laki-laki" → "LAKILAKI", "Kepala Keluarga" → "KEPALAKELUARGA". */
    static String letters(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isLetter(c) || c == '_') {
                out.append(Character.toUpperCase(c));
            }
        }
        String word = out.toString().replace("_", "");
        return word.toUpperCase(Locale.ROOT);
    }

    static boolean allDigits(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
