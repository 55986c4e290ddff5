package id.peduli.workshop;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * An amount of whole rupiah. Indonesian money has no minor unit in practice, so an amount is a {@code long} of rupiah:
 * never a double, never a fraction. Arithmetic refuses overflow. Shown as {@code Rp 1.250.000} and in words, in
 * Indonesian ("satu juta dua ratus lima puluh ribu rupiah") or English ("one million two hundred fifty thousand
 * rupiah").
 */
public record Money(long rupiah) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    @JsonCreator
    public static Money of(long rupiah) {
        return rupiah == 0 ? ZERO : new Money(rupiah);
    }

    @JsonValue
    public long value() {
        return rupiah;
    }

    public Money plus(Money other) {
        return of(Math.addExact(rupiah, other.rupiah));
    }

    public Money minus(Money other) {
        return of(Math.subtractExact(rupiah, other.rupiah));
    }

    public Money times(long factor) {
        return of(Math.multiplyExact(rupiah, factor));
    }

    public Money negate() {
        return of(Math.negateExact(rupiah));
    }

    public boolean isNegative() {
        return rupiah < 0;
    }

    public boolean isPositive() {
        return rupiah > 0;
    }

    public boolean isZero() {
        return rupiah == 0;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(rupiah, other.rupiah);
    }

    /** {@code Rp 1.250.000}; negative amounts as {@code -Rp 1.250.000}. Dots group thousands, as in Indonesia. */
    public String format() {
        String digits = grouped(Math.abs(rupiah == Long.MIN_VALUE ? Long.MAX_VALUE : rupiah));
        return (rupiah < 0 ? "-" : "") + "Rp " + digits;
    }

    /** The amount in words in the given language (Indonesian unless the language is English). */
    public String words(Locale locale) {
        return "en".equals(locale.getLanguage()) ? englishWords() : indonesianWords();
    }

    /** "satu juta dua ratus lima puluh ribu rupiah"; "nol rupiah"; "minus lima ribu rupiah". */
    public String indonesianWords() {
        if (rupiah == 0) {
            return "nol rupiah";
        }
        String words = NumberWords.indonesian(Math.abs(rupiah));
        return (rupiah < 0 ? "minus " : "") + words + " rupiah";
    }

    /** "one million two hundred fifty thousand rupiah"; "zero rupiah"; "minus five thousand rupiah". */
    public String englishWords() {
        if (rupiah == 0) {
            return "zero rupiah";
        }
        String words = NumberWords.english(Math.abs(rupiah));
        return (rupiah < 0 ? "minus " : "") + words + " rupiah";
    }

    @Override
    public String toString() {
        return format();
    }

    private static String grouped(long value) {
        String plain = Long.toString(value);
        StringBuilder out = new StringBuilder(plain.length() + plain.length() / 3);
        int lead = plain.length() % 3;
        for (int i = 0; i < plain.length(); i++) {
            if (i > 0 && (i - lead) % 3 == 0) {
                out.append('.');
            }
            out.append(plain.charAt(i));
        }
        return out.toString();
    }

    /** Whole numbers in words, for amounts up to {@code Long.MAX_VALUE}. */
    static final class NumberWords {

        private static final String[] ID_ONES = {
            "", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas"
        };
        private static final String[] ID_SCALES = {"", "ribu", "juta", "miliar", "triliun", "kuadriliun", "kuintiliun"};

        private static final String[] EN_ONES = {
            "",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen"
        };
        private static final String[] EN_TENS = {
            "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"
        };
        private static final String[] EN_SCALES = {
            "", "thousand", "million", "billion", "trillion", "quadrillion", "quintillion"
        };

        private NumberWords() {}

        static String indonesian(long value) {
            StringBuilder out = new StringBuilder();
            int[] groups = groups(value);
            for (int scale = groups.length - 1; scale >= 0; scale--) {
                int group = groups[scale];
                if (group == 0) {
                    continue;
                }
                if (scale == 1 && group == 1) {
                    append(out, "seribu");
                    continue;
                }
                append(out, indonesianBelowThousand(group));
                append(out, ID_SCALES[scale]);
            }
            return out.toString();
        }

        private static String indonesianBelowThousand(int n) {
            StringBuilder out = new StringBuilder();
            int hundreds = n / 100;
            int rest = n % 100;
            if (hundreds == 1) {
                append(out, "seratus");
            } else if (hundreds > 1) {
                append(out, ID_ONES[hundreds] + " ratus");
            }
            if (rest == 0) {
                return out.toString();
            }
            if (rest < 12) {
                append(out, ID_ONES[rest]);
            } else if (rest < 20) {
                append(out, ID_ONES[rest % 10] + " belas");
            } else {
                append(out, ID_ONES[rest / 10] + " puluh");
                if (rest % 10 != 0) {
                    append(out, ID_ONES[rest % 10]);
                }
            }
            return out.toString();
        }

        static String english(long value) {
            StringBuilder out = new StringBuilder();
            int[] groups = groups(value);
            for (int scale = groups.length - 1; scale >= 0; scale--) {
                int group = groups[scale];
                if (group == 0) {
                    continue;
                }
                append(out, englishBelowThousand(group));
                append(out, EN_SCALES[scale]);
            }
            return out.toString();
        }

        private static String englishBelowThousand(int n) {
            StringBuilder out = new StringBuilder();
            int hundreds = n / 100;
            int rest = n % 100;
            if (hundreds > 0) {
                append(out, EN_ONES[hundreds] + " hundred");
            }
            if (rest == 0) {
                return out.toString();
            }
            if (rest < 20) {
                append(out, EN_ONES[rest]);
            } else {
                append(out, EN_TENS[rest / 10] + (rest % 10 == 0 ? "" : "-" + EN_ONES[rest % 10]));
            }
            return out.toString();
        }

        private static int[] groups(long value) {
            int[] groups = new int[7];
            long rest = value;
            for (int i = 0; i < groups.length && rest > 0; i++) {
                groups[i] = (int) (rest % 1000);
                rest /= 1000;
            }
            return groups;
        }

        private static void append(StringBuilder out, String word) {
            if (word.isEmpty()) {
                return;
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(word);
        }
    }
}
