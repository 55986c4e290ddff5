package id.peduli.registry.imports;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of the import template, in template order, with the header names (English and Indonesian) that the
 * mapping step recognises on its own. A person needs a full name, a sex and a birth date or birth year.
 */
public enum ImportField {
    EXTERNAL_ID("external_id", "id eksternal", "id luar", "kode unik", "id"),
    FULL_NAME("full_name", "nama lengkap", "nama", "name", "nama sesuai ktp"),
    OTHER_NAMES("other_names", "nama lain", "nama panggilan", "alias"),
    SEX("sex", "jenis kelamin", "jk", "kelamin", "gender", "l/p"),
    BIRTH_PLACE("birth_place", "tempat lahir"),
    BIRTH_DATE("birth_date", "tanggal lahir", "tgl lahir", "tgl. lahir", "date of birth", "dob"),
    BIRTH_YEAR("birth_year", "tahun lahir", "thn lahir"),
    NIK("nik", "no nik", "nomor nik", "nomor induk kependudukan", "no. nik"),
    REGION_CODE("region_code", "kode wilayah", "kode desa", "kode kelurahan", "kode desa/kelurahan", "wilayah"),
    RT("rt"),
    RW("rw"),
    STREET("street", "alamat", "jalan", "alamat jalan"),
    PHONE("phone", "telepon", "no hp", "nomor hp", "hp", "no telepon", "nomor telepon", "no. hp"),
    DISABILITY_TYPES("disability_types", "jenis disabilitas", "disabilitas", "ragam disabilitas"),
    GUARDIAN_EXTERNAL_ID("guardian_external_id", "id wali", "id eksternal wali", "wali"),
    GUARDIAN_RELATIONSHIP("guardian_relationship", "hubungan wali", "hubungan dengan wali"),
    HOUSEHOLD_KEY("household_key", "kunci keluarga", "kode keluarga", "id keluarga", "keluarga"),
    RELATIONSHIP_TO_HEAD(
            "relationship_to_head",
            "hubungan keluarga",
            "hubungan dengan kepala keluarga",
            "shdk",
            "status hubungan dalam keluarga",
            "hubungan"),
    KK_NUMBER("kk_number", "no kk", "nomor kk", "kk", "nomor kartu keluarga", "no. kk"),
    KK_VALID_FROM("kk_valid_from", "kk berlaku sejak", "tanggal kk", "kk sejak"),
    WELFARE_DECILE("welfare_decile", "desil", "desil kesejahteraan", "desil dtsen"),
    DECILE_CHECKED_ON("decile_checked_on", "desil dicek", "tanggal cek desil", "tanggal desil");

    private final String column;
    private final List<String> aliases;

    ImportField(String column, String... aliases) {
        this.column = column;
        this.aliases = List.of(aliases);
    }

    /** The column name in the template, also used in reports and mappings. */
    public String column() {
        return column;
    }

    public String labelKey() {
        return "import.field." + column;
    }

    public boolean required() {
        return this == FULL_NAME || this == SEX;
    }

    static Optional<ImportField> ofColumn(String column) {
        for (ImportField field : values()) {
            if (field.column.equalsIgnoreCase(column == null ? "" : column.trim())) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    /** True when a file header names this field, in the template's words or in common Indonesian ones. */
    boolean matches(String header) {
        String key = key(header);
        if (key.isEmpty()) {
            return false;
        }
        if (key.equals(key(column))) {
            return true;
        }
        return aliases.stream().anyMatch(a -> key(a).equals(key));
    }

    /** Lower case, accents, punctuation, underscores and spaces removed: "Tgl. Lahir" and "tgl_lahir" meet. */
    static String key(String header) {
        if (header == null) {
            return "";
        }
        String text = Normalizer.normalize(header, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        return text.replaceAll("[^a-z0-9]", "");
    }
}
