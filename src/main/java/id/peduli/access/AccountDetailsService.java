package id.peduli.access;

import id.peduli.platform.RunMode;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads users for form sign-in. Demo accounts exist only for demo mode and cannot sign in outside it. */
@Service
class AccountDetailsService implements UserDetailsService {

    private final Accounts accounts;
    private final RunMode runMode;

    AccountDetailsService(Accounts accounts, RunMode runMode) {
        this.accounts = accounts;
        this.runMode = runMode;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Accounts.Row row = accounts.byUsername(username)
                .filter(r -> !r.demo() || runMode.demo())
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return accounts.details(row);
    }
}
