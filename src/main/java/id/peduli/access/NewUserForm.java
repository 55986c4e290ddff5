package id.peduli.access;

/** Form backing object for a new user (flat, as browsers post it). */
public record NewUserForm(
        String username,
        String password,
        String fullName,
        String email,
        String phone,
        String locale,
        Boolean enabled,
        Role role,
        Long unitId,
        Boolean wholeCountry) {

    NewUserCommand command() {
        return new NewUserCommand(
                username,
                password,
                new UserCommand(fullName, email, phone, locale == null ? "id" : locale, enabled == null || enabled),
                true);
    }

    static NewUserForm empty() {
        return new NewUserForm("", "", "", "", "", "id", true, null, null, null);
    }
}
