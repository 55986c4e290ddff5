package id.peduli.access;

/** The profile form of the user administration page. */
public record ProfileForm(
        String fullName, String email, String phone, String locale, Boolean enabled, Integer version) {

    UserCommand command() {
        return new UserCommand(fullName, email, phone, locale == null ? "id" : locale, Boolean.TRUE.equals(enabled));
    }
}
