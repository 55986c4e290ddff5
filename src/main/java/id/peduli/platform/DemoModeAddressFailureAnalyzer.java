package id.peduli.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused demo-mode address into one readable paragraph instead of a stack trace. */
class DemoModeAddressFailureAnalyzer extends AbstractFailureAnalyzer<DemoModeAddress.Refused> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DemoModeAddress.Refused cause) {
        return new FailureAnalysis(
                "Peduli is in demo mode, which shows the demo accounts and their known password on the sign-in page,"
                        + " and was asked to listen on " + cause.address() + " (server.address or SERVER_ADDRESS),"
                        + " an address other computers can reach. Demo mode only listens on this computer"
                        + " (127.0.0.1).",
                "Either remove server.address (demo mode then listens on 127.0.0.1 and is opened at"
                        + " http://localhost:8080/ on this computer), or turn demo mode off with PEDULI_DEMO=false:"
                        + " the first start then creates the administrator 'admin' with a one-time password printed"
                        + " once in the log, to be changed at the first sign-in.",
                cause);
    }
}
