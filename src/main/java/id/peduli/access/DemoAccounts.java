package id.peduli.access;

import java.util.List;

/** Usernames of the demo accounts, one per role, shown on the sign-in page in demo mode. */
final class DemoAccounts {

    static final List<String> USERNAMES = List.of(
            "admin",
            "dpo",
            "auditor",
            "kepala.kartini",
            "manajer.kartini",
            "pekerja.alyatama",
            "pendamping.temanggung",
            "logistik.alyatama",
            "operator.temanggung",
            "verifikator.jateng",
            "sekretariat",
            "evaluator",
            "panelis");

    private DemoAccounts() {}
}
