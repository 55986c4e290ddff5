package id.peduli.backup;

import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.platform.Flash;
import id.peduli.platform.Ui;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The backups page for a national system administrator: the backups kept, the last result, a button to take one
 * now, and its progress (the page polls a fragment while a backup runs). Starting a backup is audited: a backup
 * holds every person's data.
 */
@Controller
@PreAuthorize("@access.global('SYSTEM_ADMIN')")
class BackupPageController {

    private final Backups backups;
    private final AuditLog audit;

    BackupPageController(Backups backups, AuditLog audit) {
        this.backups = backups;
        this.audit = audit;
    }

    @GetMapping("/admin/backups")
    String page(Model model) {
        model.addAttribute("available", backups.available());
        model.addAttribute("directory", backups.directory().toString());
        model.addAttribute("state", backups.state());
        model.addAttribute("files", files());
        return "backup/backups";
    }

    @GetMapping("/admin/backups/progress")
    String progress(Model model) {
        model.addAttribute("state", backups.state());
        return "backup/progress";
    }

    @PostMapping("/admin/backups")
    String start(Ui ui, RedirectAttributes redirect) {
        if (!backups.available()) {
            Flash.error(redirect, ui.t("backup.external"));
        } else if (backups.start()) {
            audit.record(AuditRecord.of(AuditAction.EXPORT, "Backup", null).purpose("backup"));
            Flash.success(redirect, ui.t("backup.started"));
        } else {
            Flash.error(redirect, ui.t("backup.alreadyRunning"));
        }
        return "redirect:/admin/backups";
    }

    private List<BackupFileView> files() {
        return backups.list().stream().map(BackupPageController::file).toList();
    }

    private static BackupFileView file(Path path) {
        try {
            return new BackupFileView(
                    path.getFileName().toString(),
                    Files.size(path) / (1024 * 1024),
                    Files.getLastModifiedTime(path).toInstant());
        } catch (IOException e) {
            return new BackupFileView(path.getFileName().toString(), 0, null);
        }
    }
}
