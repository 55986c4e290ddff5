package id.peduli.registry;

/** The registry's name folding and NIK masking, for the benchmark loader, which writes rows directly. */
public final class RegistryBenchSupport {

    private RegistryBenchSupport() {}

    public static String nameKey(String name) {
        return NameKey.of(name);
    }

    public static String masked(String number) {
        return Nik.masked(number);
    }

    public static String nikField() {
        return People.NIK_FIELD;
    }

    public static String kkField() {
        return PersonSearch.KK_FIELD;
    }
}
