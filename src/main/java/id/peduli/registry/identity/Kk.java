package id.peduli.registry.identity;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules of a family card (Kartu Keluarga) number: sixteen digits, the first two a known province. Like a NIK it
 * has no check digit; unlike a NIK its middle digits are not a birth date, so nothing else can be checked. The
 * household page, the API and the import all judge a KK number here.
 */
public final class Kk {

    /** The number without spaces and dots, and what is wrong with it (empty when it may be recorded). */
    public record Check(String kk, List<Nik.Problem> errors) {

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private Kk() {}

    /** Checks a typed number; a blank one gives no error here (whether it is required is the caller's rule). */
    public static Check check(String raw, Nik.RegionLookup regions) {
        String kk = Nik.normalise(raw);
        List<Nik.Problem> errors = new ArrayList<>();
        if (kk == null || kk.isEmpty()) {
            return new Check(null, errors);
        }
        if (!kk.chars().allMatch(Character::isDigit)) {
            errors.add(new Nik.Problem("kk.digitsOnly"));
        } else if (kk.length() != 16) {
            errors.add(new Nik.Problem("kk.length", kk.length()));
        } else if (!regions.exists(kk.substring(0, 2))) {
            errors.add(new Nik.Problem("kk.unknownProvince", kk.substring(0, 2)));
        }
        return new Check(kk, errors);
    }
}
