package id.peduli.access;

import id.peduli.audit.AuditLabels;
import id.peduli.audit.PersonalDataEndpoints;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The access module's words in the processing log, and its endpoints that serve data about users. The purposes the
 * module writes itself are codes with their labels under {@code accessPurpose.}; the sentences that earlier versions
 * wrote in their place are read back as those codes.
 */
@Component
class AccessAuditLabels implements AuditLabels, PersonalDataEndpoints {

    /** Sign-in from one client address paused: failures, minutes of the window, failures with unknown usernames. */
    static final String SIGN_IN_PAUSED = "SIGN_IN_PAUSED";
    /** An account locked after failed sign-ins: minutes of the lock, failures that caused it. */
    static final String LOCKOUT = "LOCKOUT";
    /** Every API token of an account revoked, followed by why: {@code _ACCOUNT_DISABLED} and so on. */
    static final String TOKENS_REVOKED = "TOKENS_REVOKED";

    /** Why every session and token of an account ends. */
    enum Revocation {
        ACCOUNT_DISABLED,
        GRANT_REMOVED,
        PASSWORD_RESET;

        String purpose() {
            return TOKENS_REVOKED + "_" + name();
        }
    }

    private static final Pattern OLD_SIGN_IN_PAUSED = Pattern.compile(
            "sign-in from this address paused: (\\d+) failures in (\\d+) min, (\\d+) with unknown usernames");
    private static final Pattern OLD_LOCKOUT = Pattern.compile("lockout (\\d+) min after (\\d+) failures");
    private static final Pattern OLD_TOKENS_REVOKED =
            Pattern.compile("all API tokens revoked: (account disabled|grant removed|password reset)");

    @Override
    public List<String> subjectTypes() {
        return List.of("User", "ApiToken");
    }

    @Override
    public Map<String, List<String>> valueKeyPrefixes() {
        return Map.of("grant", List.of("role."), "locale", List.of("language."), PURPOSE, List.of("accessPurpose."));
    }

    @Override
    public String codedPurpose(String purpose) {
        Matcher paused = OLD_SIGN_IN_PAUSED.matcher(purpose);
        if (paused.matches()) {
            return AuditLabels.coded(SIGN_IN_PAUSED, paused.group(1), paused.group(2), paused.group(3));
        }
        Matcher lockout = OLD_LOCKOUT.matcher(purpose);
        if (lockout.matches()) {
            return AuditLabels.coded(LOCKOUT, lockout.group(1), lockout.group(2));
        }
        Matcher revoked = OLD_TOKENS_REVOKED.matcher(purpose);
        if (revoked.matches()) {
            return Revocation.valueOf(revoked.group(1).toUpperCase(Locale.ROOT).replace(' ', '_'))
                    .purpose();
        }
        return null;
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(new Endpoint("/admin/users/**", "User"), new Endpoint("/api/v1/users/**", "User"));
    }
}
