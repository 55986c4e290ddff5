package id.peduli.registry.identity;

/**
 * The lengths and shapes of a person's fields, in one place for the registration form and the API (the constraints
 * of {@code PersonCommand}) and for the import, which reads the same fields from a file.
 */
public final class PersonFields {

    public static final int FULL_NAME_MAX = 200;
    public static final int OTHER_NAMES_MAX = 300;
    public static final int BIRTH_PLACE_MAX = 100;
    public static final int STREET_MAX = 200;
    public static final int SUPPORT_NEEDS_MAX = 1000;
    public static final int GUARDIAN_RELATIONSHIP_MAX = 30;
    public static final int EXTERNAL_ID_MAX = 64;

    /** RT and RW: one to three digits. */
    public static final String RT_RW = "^\\d{1,3}$";
    /** A phone number: 6 to 30 of digits, spaces, brackets and dashes, with an optional leading plus. */
    public static final String PHONE = "^\\+?[0-9 ()-]{6,30}$";

    private PersonFields() {}
}
