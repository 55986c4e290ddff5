package id.peduli.registry;

import id.peduli.registry.identity.NameKey;
import id.peduli.registry.identity.Nik;
import id.peduli.registry.person.People;
import id.peduli.registry.search.PersonSearch;

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
