package id.peduli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.beans.Introspector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.modulith.ApplicationModule;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

/** Rules Spring Modulith does not check. */
class ArchitectureTests {

    /** Imported once for the class: importing every class of the application takes seconds. */
    private static final JavaClasses classes = new ClassFileImporter()
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

    /**
     * Every top-level package is a module that says which modules it may use: {@code @ApplicationModule(
     * allowedDependencies = …)} in its {@code package-info.java}. Without it Spring Modulith allows everything.
     */
    @Test
    void everyModuleDeclaresItsAllowedDependencies() {
        List<String> undeclared = new ArrayList<>();
        for (String module : topLevelPackages()) {
            ApplicationModule declaration = packageInfo(module);
            if (declaration == null) {
                undeclared.add(module + ": no @ApplicationModule in package-info.java");
            } else if (Arrays.asList(declaration.allowedDependencies()).contains(ApplicationModule.OPEN_TOKEN)) {
                undeclared.add(module + ": @ApplicationModule without allowedDependencies");
            }
        }
        assertThat(undeclared)
                .as("modules that do not declare their allowed dependencies")
                .isEmpty();
    }

    /**
     * No module names another module's tables, views or functions in SQL: the string literals and text blocks of its
     * Java sources and its Flyway migrations may only qualify objects of its own schema. Other modules' data comes
     * through their public API. The objects of each schema are read from the {@code create} statements of its
     * migrations.
     */
    @Test
    void noModuleReadsAnotherModulesTables() throws IOException {
        Map<String, Set<String>> objects = SqlReferences.objectsBySchema(MIGRATIONS);
        assertThat(objects).as("schemas found in " + MIGRATIONS).containsKeys("region", "organization", "access");
        List<String> found = new ArrayList<>();
        for (String module : topLevelPackages()) {
            Path sources = SOURCES.resolve(module);
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    for (SqlReferences.Literal literal : SqlReferences.literals(Files.readString(file))) {
                        SqlReferences.foreign(literal.text(), literal.line(), module, objects)
                                .forEach(reference -> found.add(file + ":" + reference));
                    }
                }
            }
            Path migrations = MIGRATIONS.resolve(module);
            if (Files.isDirectory(migrations)) {
                try (Stream<Path> files = Files.list(migrations)) {
                    for (Path file :
                            files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                        SqlReferences.foreign(Files.readString(file), 1, module, objects)
                                .forEach(reference -> found.add(file + ":" + reference));
                    }
                }
            }
        }
        assertThat(found)
                .as("SQL that names another module's tables (use that module's public API instead)")
                .isEmpty();
    }

    @Test
    void theTableCheckFindsAReferenceInATextBlock() {
        String source = """
                class Example {
                    // region.region in a comment does not count
                    String a = "region.unknown"; // a message key, not a table
                    String b = \"""
                            select code from region.region r
                            \""";
                    String c = "@access.covers(#id)";
                }
                """;
        Map<String, Set<String>> objects = Map.of("region", Set.of("region"), "access", Set.of("user_account"));
        List<String> found = SqlReferences.literals(source).stream()
                .flatMap(literal -> SqlReferences.foreign(literal.text(), literal.line(), "registry", objects).stream())
                .toList();
        assertThat(found).containsExactly("5: region.region");
    }

    /**
     * Security expressions ({@code @PreAuthorize("@bean.method(…)")}) call beans that Spring Modulith cannot see: a
     * module may name only its own beans and those of the modules it declares as allowed dependencies.
     */
    @Test
    void securityExpressionsUseOnlyAllowedModules() throws IOException {
        Map<String, String> moduleOfBean = new HashMap<>();
        for (JavaClass type : classes) {
            Component component = AnnotatedElementUtils.findMergedAnnotation(type.reflect(), Component.class);
            if (component != null && type.getPackageName().startsWith("id.peduli.")) {
                String name = component.value().isEmpty()
                        ? Introspector.decapitalize(type.getSimpleName())
                        : component.value();
                moduleOfBean.put(
                        name,
                        type.getPackageName().substring("id.peduli.".length()).split("\\.")[0]);
            }
        }
        assertThat(moduleOfBean).containsEntry("access", "access").containsEntry("unitScope", "organization");
        Pattern beanReference = Pattern.compile("@([A-Za-z_]\\w*)\\s*\\.");
        List<String> found = new ArrayList<>();
        for (String module : topLevelPackages()) {
            ApplicationModule declaration = packageInfo(module);
            Set<String> allowed =
                    new HashSet<>(declaration == null ? List.of() : List.of(declaration.allowedDependencies()));
            allowed.add(module);
            try (Stream<Path> files = Files.walk(SOURCES.resolve(module))) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    for (SqlReferences.Literal literal : SqlReferences.literals(Files.readString(file))) {
                        Matcher bean = beanReference.matcher(literal.text());
                        while (bean.find()) {
                            String owner = moduleOfBean.get(bean.group(1));
                            if (owner != null && !allowed.contains(owner)) {
                                found.add(file + ":" + literal.line() + ": @" + bean.group(1) + " of module " + owner);
                            }
                        }
                    }
                }
            }
        }
        assertThat(found)
                .as("security expressions that call a bean of a module the caller may not depend on")
                .isEmpty();
    }

    private static final Path SOURCES = Path.of("src/main/java/id/peduli");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    private List<String> topLevelPackages() {
        return classes.stream()
                .map(type -> type.getPackageName())
                .filter(name -> name.startsWith("id.peduli."))
                .map(name -> name.substring("id.peduli.".length()).split("\\.")[0])
                .distinct()
                .sorted()
                .toList();
    }

    private static ApplicationModule packageInfo(String module) {
        try {
            return Class.forName("id.peduli." + module + ".package-info").getAnnotation(ApplicationModule.class);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
