package id.peduli.backup;

import static id.peduli.access.AccessTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PeduliTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A national system administrator starts a backup from the page and follows it; others are refused. Old backups
 * beyond the number kept are deleted with their checksum files.
 */
@PeduliTest
class BackupPageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Backups backups;

    @Test
    void aNationalAdministratorStartsABackupAndSeesItListed() throws Exception {
        String page = mvc.perform(get("/admin/backups").with(as(context, "admin")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Buat cadangan sekarang").contains("keys/field.key");

        mvc.perform(post("/admin/backups").with(as(context, "admin")).with(csrf()))
                .andExpect(status().isFound());
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            String progress = mvc.perform(get("/admin/backups/progress")
                            .with(as(context, "admin"))
                            .header("HX-Request", "true"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            if (!backups.state().running()) {
                break;
            }
            assertThat(progress).contains("every 1s");
            if (System.nanoTime() > deadline) {
                throw new AssertionError("backup still running");
            }
            Thread.sleep(100);
        }
        assertThat(backups.state().error()).isNull();
        String file = backups.state().file();
        assertThat(file).startsWith("peduli-backup-");
        assertThat(mvc.perform(get("/admin/backups").with(as(context, "admin")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains(file);
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'EXPORT' and subject_type = 'Backup'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void othersAreRefused() throws Exception {
        mvc.perform(get("/admin/backups").with(as(context, "kepala.kartini"))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/backups").with(as(context, "pekerja.alyatama")).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void onlyTheNewestBackupsAreKept() throws Exception {
        Path directory = Files.createTempDirectory("peduli-retention");
        for (String stamp : new String[] {"20261101-013000", "20261102-013000", "20261103-013000"}) {
            Path archive = directory.resolve(DatabaseBackup.PREFIX + stamp + DatabaseBackup.SUFFIX);
            Files.writeString(archive, stamp);
            Files.writeString(DatabaseBackup.checksumFile(archive), stamp);
        }
        Backups.prune(directory, 2);
        assertThat(Backups.list(directory).stream().map(p -> p.getFileName().toString()))
                .containsExactly("peduli-backup-20261103-013000.zip", "peduli-backup-20261102-013000.zip");
        assertThat(directory.resolve("peduli-backup-20261101-013000.zip.sha256"))
                .doesNotExist();
    }
}
