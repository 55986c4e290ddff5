package id.peduli.access;

import id.peduli.platform.RunMode;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Outside demo mode, an instance with no users gets one national administrator, {@code admin}, so someone can sign
 * in. The password comes from {@code PEDULI_ADMIN_PASSWORD} or is generated and printed once; either way it must be
 * changed at the first sign-in.
 */
@Component
@Order(90)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger("id.peduli");
    private final RunMode runMode;
    private final Users users;
    private final JdbcClient jdbc;
    private final String configuredPassword;

    FirstAdministrator(
            RunMode runMode,
            Users users,
            JdbcClient jdbc,
            @Value("${peduli.bootstrap.admin-password:${PEDULI_ADMIN_PASSWORD:}}") String configuredPassword) {
        this.runMode = runMode;
        this.users = users;
        this.jdbc = jdbc;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (runMode.demo()) {
            return;
        }
        long real = jdbc.sql("select count(*) from access.user_account where not demo")
                .query(Long.class)
                .single();
        if (real > 0) {
            return;
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? generate() : configuredPassword;
        String username = users.findByUsername("admin").isPresent() ? "administrator" : "admin";
        UserView admin = users.create(
                new NewUserCommand(username, password, new UserCommand("Administrator", null, null, "id", true), true),
                Role.SYSTEM_ADMIN,
                null);
        if (generated) {
            log.warn(
                    "Created the first administrator '{}' with the one-time password {} (change it at first sign-in)",
                    admin.username(),
                    password);
        } else {
            log.info(
                    "Created the first administrator '{}' with the password from PEDULI_ADMIN_PASSWORD",
                    admin.username());
        }
    }

    private static String generate() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder b = new StringBuilder("P3");
        while (b.length() < 16) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
