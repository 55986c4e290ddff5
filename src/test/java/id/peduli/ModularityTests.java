package id.peduli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private static final Path DOCS = Path.of("target/spring-modulith-docs");

    private final ApplicationModules modules = ApplicationModules.of(PeduliApplication.class);

    @Test
    void modulesRespectTheirDeclaredDependencies() {
        modules.verify();
    }

    /**
     * Writes the module diagrams and canvases to {@code target/spring-modulith-docs} and checks that every module got
     * its diagram and canvas, so that the documentation cannot silently go missing. The folder is emptied first: only
     * files of this run count.
     */
    @Test
    void writesModuleDocumentation() throws IOException {
        deleteRecursively(DOCS);
        new Documenter(modules)
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        assertThat(DOCS.resolve("components.puml")).isNotEmptyFile();
        assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .contains("region", "organization", "access", "audit", "registry")
                .allSatisfy(module -> {
                    assertThat(DOCS.resolve("module-" + module + ".puml")).isNotEmptyFile();
                    assertThat(DOCS.resolve("module-" + module + ".adoc")).isNotEmptyFile();
                });
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
