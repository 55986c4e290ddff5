package id.peduli.audit;

import java.util.Set;

/**
 * Which entries of the processing log the signed-in user may read: the audit module asks, the module that knows
 * users' grants and the organisation tree answers (it depends on audit, never the other way round). Without an
 * answer nothing is shown.
 */
public interface AuditScope {

    /** The units whose entries the current user may read with an auditing role (AUDITOR or DPO). */
    Visible visibleToCurrentUser();

    /**
     * Every entry ({@code all}, for a grant without a unit or on a root unit, which also shows entries without a
     * unit such as sign-ins), or the entries of {@code units} only.
     */
    record Visible(boolean all, Set<Long> units) {

        public Visible {
            units = Set.copyOf(units);
        }

        public static Visible nothing() {
            return new Visible(false, Set.of());
        }

        public boolean none() {
            return !all && units.isEmpty();
        }
    }
}
