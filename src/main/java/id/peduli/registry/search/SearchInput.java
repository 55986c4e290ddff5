package id.peduli.registry.search;

import id.peduli.platform.FieldEncryption;
import id.peduli.region.RegionCodes;
import id.peduli.region.Regions;
import id.peduli.registry.DisabilityType;
import id.peduli.registry.Sex;
import id.peduli.registry.identity.NameKey;
import id.peduli.registry.identity.Nik;
import id.peduli.registry.person.People;
import id.peduli.shared.InvalidInput;
import id.peduli.shared.InvalidInput.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Checks what a user typed into the search box and filters, or asked to look up, and turns it into
 * {@link SearchCriteria}: a NIK or KK number becomes its keyed hashes, a name its name key.
 */
@Component
class SearchInput {

    static final int MAX_QUERY_LENGTH = 200;
    static final int MAX_AGE = 130;
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    static final String KK_FIELD = PersonSearch.KK_FIELD;

    private final FieldEncryption encryption;
    private final Regions regions;

    SearchInput(FieldEncryption encryption, Regions regions) {
        this.encryption = encryption;
        this.regions = regions;
    }

    /**
     * Checks what the user typed. With {@code identifierAllowed} false (the search arrived in a URL), a NIK or KK
     * number is refused: identifiers never travel in addresses.
     */
    SearchCriteria criteria(PersonSearchForm form, boolean identifierAllowed) {
        List<FieldProblem> problems = new ArrayList<>();
        SearchCriteria.Kind kind = SearchCriteria.Kind.ALL;
        String key = null;
        byte[] nikHash = null;
        byte[] kkHash = null;
        String masked = null;
        String q = form.q();
        if (q.length() > MAX_QUERY_LENGTH) {
            problems.add(new FieldProblem("q", "peopleSearch.queryTooLong", MAX_QUERY_LENGTH));
        } else if (!q.isEmpty()) {
            String digits = Nik.normalise(q);
            if (DIGITS.matcher(digits).matches()) {
                if (digits.length() != 16) {
                    problems.add(new FieldProblem("q", "peopleSearch.identifierLength", digits.length()));
                } else if (!identifierAllowed) {
                    problems.add(new FieldProblem("q", "peopleSearch.identifierInAddress"));
                } else {
                    kind = SearchCriteria.Kind.IDENTIFIER;
                    nikHash = encryption.hash(People.NIK_FIELD, digits);
                    kkHash = encryption.hash(KK_FIELD, digits);
                    masked = Nik.masked(digits);
                }
            } else {
                key = NameKey.of(q);
                if (key.isEmpty()) {
                    problems.add(new FieldProblem("q", "peopleSearch.queryNoLetters"));
                } else {
                    kind = key.replace(" ", "").length() < 3 ? SearchCriteria.Kind.PREFIX : SearchCriteria.Kind.NAME;
                }
            }
        }
        String region = null;
        if (!form.region().isEmpty()) {
            if (RegionCodes.isWellFormed(form.region()) && regions.exists(form.region())) {
                region = form.region();
            } else {
                problems.add(new FieldProblem("region", "peopleSearch.regionUnknown", form.region()));
            }
        }
        Integer ageFrom = age(form.ageFrom(), "ageFrom", problems);
        Integer ageTo = age(form.ageTo(), "ageTo", problems);
        if (ageFrom != null && ageTo != null && ageFrom > ageTo) {
            problems.add(new FieldProblem("ageTo", "peopleSearch.ageOrder"));
        }
        Sex sex = null;
        if (!form.sex().isEmpty()) {
            try {
                sex = Sex.valueOf(form.sex());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("sex", "peopleSearch.sexInvalid", form.sex()));
            }
        }
        DisabilityType disability = null;
        if (!form.disability().isEmpty()) {
            try {
                disability = DisabilityType.valueOf(form.disability());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("disability", "peopleSearch.disabilityInvalid", form.disability()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems, false);
        }
        return new SearchCriteria(kind, key, nikHash, kkHash, masked, region, ageFrom, ageTo, sex, disability);
    }

    /** Exact lookup by NIK or by KK number (16 digits, spaces and dots ignored); exactly one must be given. */
    SearchCriteria identifier(String nik, String kk) {
        boolean hasNik = nik != null && !nik.isBlank();
        boolean hasKk = kk != null && !kk.isBlank();
        if (hasNik == hasKk) {
            throw new InvalidInput(List.of(new FieldProblem(null, "peopleSearch.lookupOneOf")), false);
        }
        String field = hasNik ? "nik" : "kk";
        String digits = Nik.normalise(hasNik ? nik : kk);
        if (!DIGITS.matcher(digits).matches() || digits.length() != 16) {
            throw new InvalidInput(List.of(new FieldProblem(field, "peopleSearch.lookupFormat")), false);
        }
        return new SearchCriteria(
                SearchCriteria.Kind.IDENTIFIER,
                null,
                hasNik ? encryption.hash(People.NIK_FIELD, digits) : null,
                hasKk ? encryption.hash(KK_FIELD, digits) : null,
                Nik.masked(digits),
                null,
                null,
                null,
                null,
                null);
    }

    private static Integer age(String value, String field, List<FieldProblem> problems) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            int age = Integer.parseInt(value);
            if (age >= 0 && age <= MAX_AGE) {
                return age;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new FieldProblem(field, "peopleSearch.ageInvalid", MAX_AGE));
        return null;
    }
}
