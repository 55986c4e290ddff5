package id.peduli.backup;

import id.peduli.platform.HomeTask;
import id.peduli.platform.HomeTaskSource;
import id.peduli.platform.PeduliPrincipal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Backups on the home page of a national system administrator (the only one who may take them): a task when there is
 * no backup yet, or when the newest one is a day old or older, with its age in days.
 */
@Component
class BackupHomeTasks implements HomeTaskSource {

    private static final String ADMIN = "SYSTEM_ADMIN";

    private final Backups backups;
    private final Clock clock;

    BackupHomeTasks(Backups backups, Clock clock) {
        this.backups = backups;
        this.clock = clock;
    }

    @Override
    public List<HomeTask> tasks(PeduliPrincipal user) {
        boolean national = user.grants().stream().anyMatch(g -> ADMIN.equals(g.role()) && g.unitId() == null);
        if (!national) {
            return List.of();
        }
        Instant newest = newest();
        HomeTask status;
        if (newest == null) {
            status = HomeTask.alert("home.backup.none", "/admin/backups", 400, ADMIN);
        } else {
            long days = Duration.between(newest, clock.instant()).toDays();
            status = days >= 1
                    ? HomeTask.task("home.backup.age", days, "/admin/backups", 400, ADMIN)
                    : HomeTask.action("home.backup.recent", "/admin/backups", 450, ADMIN);
        }
        return List.of(status);
    }

    private Instant newest() {
        List<Path> files = backups.list();
        if (files.isEmpty()) {
            return null;
        }
        try {
            return Files.getLastModifiedTime(files.get(0)).toInstant();
        } catch (IOException e) {
            return null;
        }
    }
}
