package id.peduli.registry;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Contribution: the consent purposes a module processes personal data for. Each module publishes one bean; the
 * registry offers the declared purposes in the consent form, refuses a consent for a purpose nobody declared or with a
 * lawful basis the purpose does not allow, and {@link Registry#requireCovered} only answers for declared purposes.
 * The registry declares the general ones (service delivery, photos, data sharing, research).
 */
@FunctionalInterface
public interface ConsentPurposes {

    List<Purpose> purposes();

    /**
     * One purpose: its code as stored with the consent, the message key of its label (in the module's messages), the
     * lawful bases that may cover it, and its place in the consent form's list.
     */
    record Purpose(String code, String labelKey, Set<ConsentCommand.LawfulBasis> bases, int order) {

        static final Pattern CODE = Pattern.compile("^[A-Z_]{3,40}$");

        public Purpose {
            Objects.requireNonNull(labelKey);
            if (code == null || !CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("A purpose code is 3 to 40 of A-Z and _: " + code);
            }
            if (bases == null || bases.isEmpty()) {
                throw new IllegalArgumentException("A purpose needs at least one lawful basis: " + code);
            }
            bases = Set.copyOf(bases);
        }

        /** A purpose that any lawful basis may cover. */
        public static Purpose anyBasis(String code, String labelKey, int order) {
            return new Purpose(code, labelKey, Set.of(ConsentCommand.LawfulBasis.values()), order);
        }

        public boolean allows(ConsentCommand.LawfulBasis basis) {
            return bases.contains(basis);
        }
    }
}
