package id.peduli.platform;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Makes sure the data directory ({@code PEDULI_DATA_DIR}) is readable by its owner only, with an external database
 * too: it holds uploaded import files with personal data.
 */
@Component
class DataDirectory {

    DataDirectory(@Value("${peduli.data-dir}") String dataDir) {
        OwnerOnlyFiles.dataDirectory(Path.of(dataDir).toAbsolutePath().normalize());
    }
}
