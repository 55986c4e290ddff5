package id.peduli.backup;

import id.peduli.audit.AuditLabels;
import java.util.List;
import org.springframework.stereotype.Component;

/** The backup module's words in the processing log. */
@Component
class BackupAuditLabels implements AuditLabels {

    @Override
    public List<String> subjectTypes() {
        return List.of("Backup");
    }
}
