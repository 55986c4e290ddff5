package id.peduli.registry.imports;

import static id.peduli.registry.imports.ImportCopyText.bytes;
import static id.peduli.registry.imports.ImportCopyText.field;
import static id.peduli.registry.imports.ImportCopyText.last;
import static id.peduli.registry.imports.ImportCopyText.truncate;

import id.peduli.platform.FieldEncryption;
import id.peduli.registry.DisabilityType;
import id.peduli.registry.identity.Birth;
import id.peduli.registry.identity.Kk;
import id.peduli.registry.identity.NameKey;
import id.peduli.registry.identity.Nik;
import id.peduli.registry.identity.PersonFields;
import id.peduli.registry.person.People;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules for one import row that need nothing but the row itself: required fields, formats, dates, sex, NIK (the
 * same {@link Nik#check} as registration), KK, disability types, guardian not the person themself, household
 * relationship. It writes the row, encrypted and hashed where needed, as one line of PostgreSQL COPY text for the
 * staging table, with its problems as a JSON array ({@link ImportRowProblems}, {@link ImportCopyText}). The words of
 * coded columns are in {@link ImportWords}, dates in {@link ImportDates}. Rules that need other rows or the database
 * (duplicates, unknown regions, guardians, heads of household, KK periods) are checked in SQL over the staging table.
 */
final class ImportRowRules {

    static final String KK_FIELD = "household.kk";

    /** What a row is written for, each with its own columns. */
    enum Target {
        /** The keys the set-based checks need, with the row's problems: {@link #CHECK_COLUMNS}. */
        CHECK,
        /** A new person without household or guardian, straight into registry.person: {@link #PERSON_COLUMNS}. */
        PERSON,
        /** Everything, for rows that update people or join households: {@link #FULL_COLUMNS}. */
        FULL
    }

    static final String CHECK_COLUMNS = "row_no, ok, warn, issues, external_id, nik_hash, region_code,"
            + " guardian_external_id, household_key, relationship, kk_hash, kk_valid_from, name_key, birth_date,"
            + " birth_year, full_name";
    static final String PERSON_COLUMNS = "org_unit_id, full_name, other_names, name_key, sex, birth_place,"
            + " birth_date, birth_year, birth_date_approximate, nik_cipher, nik_hash, nik_masked, region_code,"
            + " regency_code, rt, rw, street, phone, disability_types, external_id, import_job_id";
    static final String FULL_COLUMNS = "row_no, guardian_relationship, kk_cipher, kk_masked, welfare_decile,"
            + " decile_checked_on, full_name, other_names, name_key, sex, birth_place, birth_date, birth_year,"
            + " approximate, nik_cipher, nik_hash, nik_masked, region_code, regency_code, rt, rw, street, phone,"
            + " disability_types, external_id";

    private static final java.util.regex.Pattern RT_RW = java.util.regex.Pattern.compile(PersonFields.RT_RW);
    private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile(PersonFields.PHONE);
    private final int[] columns;
    private final Nik.RegionLookup regions;
    private final FieldEncryption.Bulk nikCrypto;
    private final FieldEncryption.Bulk kkCrypto;
    private final boolean encrypt;
    private final LocalDate today;
    private final long unitId;
    private final long jobId;

    /**
     * @param columns for each {@link ImportField} (by ordinal), the index of the file column mapped to it, or -1
     * @param encrypt false for the checking pass, which needs the keyed hashes but not the ciphertexts
     * @param unitId the unit new people are registered in, and {@code jobId} the job that registers them
     */
    ImportRowRules(
            int[] columns,
            Nik.RegionLookup regions,
            FieldEncryption encryption,
            boolean encrypt,
            LocalDate today,
            long unitId,
            long jobId) {
        this.unitId = unitId;
        this.jobId = jobId;
        this.columns = columns.clone();
        this.regions = regions;
        this.nikCrypto = encryption.bulk(People.NIK_FIELD);
        this.kkCrypto = encryption.bulk(KK_FIELD);
        this.encrypt = encrypt;
        this.today = today;
    }

    /**
     * Checks one row and appends it to {@code out} as a COPY text line for {@code target}. Returns true when the
     * row has no error.
     */
    boolean stage(ImportFile.Cells cells, Target target, StringBuilder out) {
        ImportRowProblems problems = new ImportRowProblems();
        String externalId = text(cells, ImportField.EXTERNAL_ID, PersonFields.EXTERNAL_ID_MAX, problems);
        String fullName = text(cells, ImportField.FULL_NAME, PersonFields.FULL_NAME_MAX, problems);
        if (fullName == null && !problems.has(ImportField.FULL_NAME)) {
            problems.error(ImportField.FULL_NAME, "import.required");
        }
        String otherNames = text(cells, ImportField.OTHER_NAMES, PersonFields.OTHER_NAMES_MAX, problems);
        String sex = sex(cells, problems);
        String birthPlace = text(cells, ImportField.BIRTH_PLACE, PersonFields.BIRTH_PLACE_MAX, problems);
        LocalDate birthDate = date(cells, ImportField.BIRTH_DATE, problems);
        Integer birthYear = birthYear(cells, problems);
        boolean birthDateBad = value(cells, ImportField.BIRTH_DATE) != null && birthDate == null;
        boolean birthYearBad = problems.has(ImportField.BIRTH_YEAR);
        // The same rule as the registration form; "give a date or a year" is left out when a cell could not be read.
        for (Birth.Problem problem : Birth.check(birthDate, birthYear, today)) {
            if (problem.missing() && (birthDateBad || birthYearBad)) {
                continue;
            }
            problems.error(
                    problem.field() == Birth.Field.DATE ? ImportField.BIRTH_DATE : ImportField.BIRTH_YEAR,
                    problem.key());
        }
        if (problems.has(ImportField.BIRTH_DATE)) {
            birthDate = null;
        }
        Integer year = Birth.year(birthDate, birthYear);
        if (year != null && year > today.getYear()) {
            year = null;
        }

        byte[] nikCipher = null;
        byte[] nikHash = null;
        String nikMasked = null;
        String rawNik = value(cells, ImportField.NIK);
        if (rawNik != null) {
            if (cells.isNumeric(columns[ImportField.NIK.ordinal()])) {
                problems.error(ImportField.NIK, "import.nik.number");
            } else {
                Nik.Check nik = Nik.check(rawNik, sex == null ? null : sex.charAt(0), birthDate, year, regions);
                nik.errors().forEach(p -> problems.error(ImportField.NIK, p.key(), p.args()));
                nik.warnings().forEach(p -> problems.warning(ImportField.NIK, p.key(), p.args()));
                if (nik.valid() && nik.nik() != null) {
                    nikHash = nikCrypto.hash(nik.nik());
                    nikCipher = encrypt ? nikCrypto.encrypt(nik.nik()) : null;
                    nikMasked = Nik.masked(nik.nik());
                }
            }
        }

        String region = region(cells, problems);
        String rt = digits(cells, ImportField.RT, problems);
        String rw = digits(cells, ImportField.RW, problems);
        String street = text(cells, ImportField.STREET, PersonFields.STREET_MAX, problems);
        String phone = phone(cells, problems);
        String disabilities = disabilities(cells, problems);

        String guardian = text(cells, ImportField.GUARDIAN_EXTERNAL_ID, PersonFields.EXTERNAL_ID_MAX, problems);
        String guardianRelationship =
                text(cells, ImportField.GUARDIAN_RELATIONSHIP, PersonFields.GUARDIAN_RELATIONSHIP_MAX, problems);
        if (guardian != null) {
            if (guardian.equals(externalId)) {
                problems.error(ImportField.GUARDIAN_EXTERNAL_ID, "person.guardianSelf");
                guardian = null;
            } else if (guardianRelationship == null && !problems.has(ImportField.GUARDIAN_RELATIONSHIP)) {
                problems.error(ImportField.GUARDIAN_RELATIONSHIP, "import.guardian.relationshipRequired");
            }
        } else if (guardianRelationship != null) {
            problems.error(ImportField.GUARDIAN_EXTERNAL_ID, "import.guardian.missing");
        }

        String household = text(cells, ImportField.HOUSEHOLD_KEY, 100, problems);
        String relationship = relationship(cells, problems);
        if (household != null && relationship == null && !problems.has(ImportField.RELATIONSHIP_TO_HEAD)) {
            problems.error(ImportField.RELATIONSHIP_TO_HEAD, "import.household.relationshipRequired");
        }
        if (household == null && relationship != null) {
            problems.error(ImportField.HOUSEHOLD_KEY, "import.household.keyRequired");
        }
        byte[] kkCipher = null;
        byte[] kkHash = null;
        String kkMasked = null;
        String rawKk = value(cells, ImportField.KK_NUMBER);
        LocalDate kkFrom = date(cells, ImportField.KK_VALID_FROM, problems);
        if (rawKk != null) {
            // The same rule as the household page: digits only, sixteen of them, a known province.
            Kk.Check check = Kk.check(rawKk, regions);
            String kk = check.kk();
            if (cells.isNumeric(columns[ImportField.KK_NUMBER.ordinal()])) {
                problems.error(ImportField.KK_NUMBER, "import.kk.number");
            } else if (kk == null) {
                problems.error(ImportField.KK_NUMBER, "kk.length", 0);
            } else if (!check.valid()) {
                check.errors().forEach(p -> problems.error(ImportField.KK_NUMBER, p.key(), p.args()));
            } else if (household == null) {
                problems.error(ImportField.HOUSEHOLD_KEY, "import.kk.withoutHousehold");
            } else {
                kkHash = kkCrypto.hash(kk);
                kkCipher = encrypt ? kkCrypto.encrypt(kk) : null;
                kkMasked = Nik.masked(kk);
                if (kkFrom == null && !problems.has(ImportField.KK_VALID_FROM)) {
                    problems.error(ImportField.KK_VALID_FROM, "import.kk.validFromRequired");
                }
            }
        } else if (kkFrom != null) {
            problems.error(ImportField.KK_NUMBER, "import.kk.numberRequired");
        }
        if (kkFrom != null && kkFrom.isAfter(today)) {
            problems.error(ImportField.KK_VALID_FROM, "import.date.future", kkFrom);
        }
        Integer decile = decile(cells, problems);
        LocalDate decileOn = date(cells, ImportField.DECILE_CHECKED_ON, problems);
        if (decile != null && decileOn == null && !problems.has(ImportField.DECILE_CHECKED_ON)) {
            problems.error(ImportField.DECILE_CHECKED_ON, "import.decile.dateRequired");
        }
        if (decileOn != null && decileOn.isAfter(today)) {
            problems.error(ImportField.DECILE_CHECKED_ON, "import.date.future", decileOn);
        }
        if ((decile != null || decileOn != null) && household == null) {
            problems.error(ImportField.HOUSEHOLD_KEY, "import.decile.withoutHousehold");
        }

        boolean ok = !problems.hasErrors();
        String nameKey =
                fullName == null ? null : NameKey.of(otherNames == null ? fullName : fullName + " " + otherNames);
        if (target == Target.CHECK) {
            out.append(cells.rowNumber()).append('\t');
            out.append(ok ? 't' : 'f').append('\t');
            out.append(problems.hasWarnings() ? 't' : 'f').append('\t');
            field(out, problems.json());
            field(out, externalId);
            bytes(out, nikHash);
            field(out, region);
            field(out, guardian);
            field(out, household);
            field(out, relationship);
            bytes(out, kkHash);
            field(out, kkFrom == null ? null : kkFrom.toString());
            field(out, nameKey);
            field(out, birthDate == null ? null : birthDate.toString());
            field(out, year == null ? null : year.toString());
            // For the report, which names the person of each row with a problem.
            last(out, fullName == null ? null : truncate(fullName, 200));
            return ok;
        }
        if (target == Target.PERSON) {
            out.append(unitId).append('\t');
        } else {
            out.append(cells.rowNumber()).append('\t');
            field(out, guardian == null ? null : guardianRelationship);
            bytes(out, kkCipher);
            field(out, kkMasked);
            field(out, decile == null ? null : decile.toString());
            field(out, decileOn == null ? null : decileOn.toString());
        }
        field(out, fullName);
        field(out, otherNames);
        field(out, nameKey);
        field(out, sex);
        field(out, birthPlace);
        field(out, birthDate == null ? null : birthDate.toString());
        field(out, year == null ? null : year.toString());
        field(out, birthDate == null ? "t" : "f");
        bytes(out, nikCipher);
        bytes(out, nikHash);
        field(out, nikMasked);
        field(out, region);
        field(out, region == null || region.length() < 5 ? null : region.substring(0, 5));
        field(out, rt);
        field(out, rw);
        field(out, street);
        field(out, phone);
        field(out, disabilities);
        if (target == Target.PERSON) {
            field(out, externalId);
            last(out, Long.toString(jobId));
        } else {
            last(out, externalId);
        }
        return ok;
    }

    // ------------------------------------------------------------------------------------------- fields

    private String value(ImportFile.Cells cells, ImportField field) {
        int index = columns[field.ordinal()];
        if (index < 0) {
            return null;
        }
        String value = cells.get(index);
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private String text(ImportFile.Cells cells, ImportField field, int max, ImportRowProblems problems) {
        String value = value(cells, field);
        if (value != null && value.length() > max) {
            problems.error(field, "import.tooLong", max);
            return null;
        }
        return value;
    }

    private String sex(ImportFile.Cells cells, ImportRowProblems problems) {
        String value = value(cells, ImportField.SEX);
        if (value == null) {
            problems.error(ImportField.SEX, "import.required");
            return null;
        }
        String sex = ImportWords.sex(value);
        if (sex == null) {
            problems.error(ImportField.SEX, "import.sex.unknown", value);
        }
        return sex;
    }

    private LocalDate date(ImportFile.Cells cells, ImportField field, ImportRowProblems problems) {
        String value = value(cells, field);
        if (value == null) {
            return null;
        }
        ImportDates.DateResult result = ImportDates.parseDate(value);
        if (result.date() == null) {
            problems.error(field, result.problem(), value);
        }
        return result.date();
    }

    private Integer birthYear(ImportFile.Cells cells, ImportRowProblems problems) {
        String value = value(cells, ImportField.BIRTH_YEAR);
        if (value == null) {
            return null;
        }
        if (value.length() != 4 || !ImportWords.allDigits(value)) {
            problems.error(ImportField.BIRTH_YEAR, "import.birthYear.format", value);
            return null;
        }
        int year = Integer.parseInt(value);
        if (year < Birth.MIN_YEAR || year > Birth.MAX_YEAR) {
            problems.error(ImportField.BIRTH_YEAR, "import.birthYear.format", value);
            return null;
        }
        return year;
    }

    private String region(ImportFile.Cells cells, ImportRowProblems problems) {
        String value = value(cells, ImportField.REGION_CODE);
        if (value == null) {
            return null;
        }
        String code = value;
        if (ImportWords.allDigits(value)) {
            code = switch (value.length()) {
                case 2 -> value;
                case 4 -> value.substring(0, 2) + "." + value.substring(2);
                case 6 -> value.substring(0, 2) + "." + value.substring(2, 4) + "." + value.substring(4);
                case 10 ->
                    value.substring(0, 2) + "." + value.substring(2, 4) + "." + value.substring(4, 6) + "."
                            + value.substring(6);
                default -> null;
            };
        }
        if (code == null || !id.peduli.region.RegionCodes.isWellFormed(code)) {
            problems.error(ImportField.REGION_CODE, "import.region.format", value);
            return null;
        }
        return code;
    }

    private String digits(ImportFile.Cells cells, ImportField field, ImportRowProblems problems) {
        String value = value(cells, field);
        if (value == null) {
            return null;
        }
        if (!RT_RW.matcher(value).matches()) {
            problems.error(field, "import.rtRw", value);
            return null;
        }
        return value;
    }

    private String phone(ImportFile.Cells cells, ImportRowProblems problems) {
        String value = value(cells, ImportField.PHONE);
        if (value == null) {
            return null;
        }
        if (!PHONE.matcher(value).matches()) {
            problems.error(ImportField.PHONE, "import.phone", value);
            return null;
        }
        return value;
    }

    private String disabilities(ImportFile.Cells cells, ImportRowProblems problems) {
        String value = value(cells, ImportField.DISABILITY_TYPES);
        if (value == null) {
            return "{}";
        }
        Set<DisabilityType> types = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String part : value.split("[;,|/]")) {
            if (ImportWords.letters(part).isEmpty()) {
                continue;
            }
            DisabilityType type = ImportWords.disability(part);
            if (type == null) {
                unknown.add(part.strip());
            } else {
                types.add(type);
            }
        }
        if (!unknown.isEmpty()) {
            problems.error(ImportField.DISABILITY_TYPES, "import.disability.unknown", String.join(", ", unknown));
            return "{}";
        }
        StringBuilder array = new StringBuilder("{");
        for (DisabilityType type : types) {
            if (array.length() > 1) {
                array.append(',');
            }
            array.append(type.name());
        }
        return array.append('}').toString();
    }

    private String relationship(ImportFile.Cells cells, ImportRowProblems problems) {
        String value = value(cells, ImportField.RELATIONSHIP_TO_HEAD);
        if (value == null) {
            return null;
        }
        String relationship = ImportWords.relationship(value);
        if (relationship == null) {
            problems.error(ImportField.RELATIONSHIP_TO_HEAD, "import.relationship.unknown", value);
        }
        return relationship;
    }

    private Integer decile(ImportFile.Cells cells, ImportRowProblems problems) {
        String value = value(cells, ImportField.WELFARE_DECILE);
        if (value == null) {
            return null;
        }
        if (!ImportWords.allDigits(value)
                || value.length() > 2
                || Integer.parseInt(value) < 1
                || Integer.parseInt(value) > 10) {
            problems.error(ImportField.WELFARE_DECILE, "import.decile.range", value);
            return null;
        }
        return Integer.parseInt(value);
    }
}
