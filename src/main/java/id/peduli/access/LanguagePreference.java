package id.peduli.access;

import id.peduli.platform.LanguageChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Stores the language a signed-in user switched to, so it is used at their next sign-in too. */
@Component
class LanguagePreference {

    private final Users users;

    LanguagePreference(Users users) {
        this.users = users;
    }

    @EventListener
    void on(LanguageChanged event) {
        users.setLocale(event.userId(), event.languageTag());
    }
}
