package id.peduli;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import id.peduli.access.Role;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Every role a security expression or a role list names is a real {@link Role}: a misspelt role in
 * {@code hasAnyRole('SOCIAL_WORKR')} would silently lock everyone out of an endpoint.
 */
class RoleNamesTest {

    /** A quoted upper-case word in an expression is a role name ('org.notFound' and #ids are not). */
    private static final Pattern QUOTED = Pattern.compile("'([A-Z][A-Z0-9_]*)'");

    private static final Set<String> ROLES =
            Arrays.stream(Role.values()).map(Role::name).collect(Collectors.toSet());

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("id.peduli");

    @Test
    void everyRoleInAPreAuthorizeExpressionExists() {
        List<String> unknown = new ArrayList<>();
        int expressions = 0;
        for (JavaClass type : classes) {
            List<String> found = new ArrayList<>();
            type.tryGetAnnotationOfType(PreAuthorize.class).ifPresent(a -> found.add(a.value()));
            for (JavaMethod method : type.getMethods()) {
                method.tryGetAnnotationOfType(PreAuthorize.class).ifPresent(a -> found.add(a.value()));
            }
            for (String expression : found) {
                expressions++;
                rolesIn(expression).stream()
                        .filter(r -> !ROLES.contains(r))
                        .forEach(r -> unknown.add(type.getSimpleName() + ": " + r + " in " + expression));
            }
        }
        assertThat(expressions).as("expressions found").isGreaterThan(20);
        assertThat(unknown).isEmpty();
    }

    @Test
    void everyRoleInARoleListOrNamedExpressionExists() throws Exception {
        List<String> unknown = new ArrayList<>();
        int lists = 0;
        for (JavaClass type : classes) {
            for (JavaField field : type.getFields()) {
                boolean constant = field.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.STATIC)
                        && field.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.FINAL);
                boolean roleList = field.getRawType().isEquivalentTo(String[].class);
                boolean expression = field.getRawType().isEquivalentTo(String.class)
                        && field.getName().endsWith("_EXPRESSION");
                if (!constant || !(roleList || expression)) {
                    continue;
                }
                Field reflected = field.reflect();
                if (!Modifier.isStatic(reflected.getModifiers())) {
                    continue;
                }
                reflected.setAccessible(true);
                Object value = reflected.get(null);
                List<String> roles = value instanceof String[] array ? List.of(array) : rolesIn((String) value);
                if (roleList && !roles.stream().allMatch(r -> r.matches("[A-Z][A-Z0-9_]*"))) {
                    continue; // a list of something else (column names, file types)
                }
                lists++;
                roles.stream()
                        .filter(r -> !ROLES.contains(r))
                        .forEach(r -> unknown.add(type.getSimpleName() + "." + field.getName() + ": " + r));
            }
        }
        assertThat(lists).as("role lists found").isGreaterThan(5);
        assertThat(unknown).isEmpty();
    }

    @Test
    void aMisspeltRoleIsFound() {
        assertThat(rolesIn("@access.coversOrNotFound(#id, 'org.notFound', 'SYSTEM_ADMIN', 'SOCIAL_WORKR')").stream()
                        .filter(r -> !ROLES.contains(r)))
                .containsExactly("SOCIAL_WORKR");
    }

    private static List<String> rolesIn(String expression) {
        List<String> roles = new ArrayList<>();
        Matcher m = QUOTED.matcher(expression);
        while (m.find()) {
            roles.add(m.group(1));
        }
        return roles;
    }
}
