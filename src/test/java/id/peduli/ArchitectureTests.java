package id.peduli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

/** Rules Spring Modulith does not check. */
class ArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("id.peduli");

    @Test
    void controllersArePackagePrivate() {
        classes()
                .that()
                .areAnnotatedWith(Controller.class)
                .or()
                .areAnnotatedWith(RestController.class)
                .should()
                .notBePublic()
                .check(classes);
    }

    @Test
    void repositoriesArePackagePrivate() {
        classes()
                .that()
                .areAnnotatedWith(Repository.class)
                .should()
                .notBePublic()
                .check(classes);
    }

    @Test
    void noPackageByLayer() {
        noClasses()
                .should()
                .resideInAnyPackage("..controller..", "..service..", "..repository..", "..impl..")
                .check(classes);
    }

    @Test
    void sharedDependsOnNoBusinessModule() {
        noClasses()
                .that()
                .resideInAPackage("id.peduli.shared..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "id.peduli.platform..",
                        "id.peduli.region..",
                        "id.peduli.organization..",
                        "id.peduli.access..",
                        "id.peduli.audit..")
                .check(classes);
    }

    @Test
    void onlyAccessConfiguresSecurity() {
        noClasses()
                .that()
                .resideOutsideOfPackage("id.peduli.access..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.security.config.annotation.web.builders.HttpSecurity")
                .check(classes);
    }

    @Test
    void nothingWritesToStandardStreams() {
        noClasses()
                .should()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .check(classes);
    }
}
