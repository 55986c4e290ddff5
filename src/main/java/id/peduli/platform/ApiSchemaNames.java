package id.peduli.platform;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Watches which of Peduli's classes become which schema name in the OpenAPI document. Two classes with one name
 * would silently share one schema (the second one's shape lost), so every collision is logged and kept for the
 * contract test to fail on. Name API records on purpose with {@code @Schema(name = ...)}.
 */
@Component
class ApiSchemaNames implements ModelConverter {

    private static final Logger log = LoggerFactory.getLogger(ApiSchemaNames.class);

    // The application's watch keeps its findings per JVM, not per bean: swagger's converter list is a JVM-wide
    // singleton, so with several application contexts in one JVM (tests) only the first context's converter is
    // called, for every context's document. A watch made with fresh() keeps its own.
    private static final Map<String, Set<String>> SHARED_CLASSES_BY_NAME = new ConcurrentHashMap<>();
    private static final Set<String> SHARED_UNNAMED_NESTED = new ConcurrentSkipListSet<>();

    private final Map<String, Set<String>> classesByName;
    private final Set<String> unnamedNested;

    ApiSchemaNames() {
        this(SHARED_CLASSES_BY_NAME, SHARED_UNNAMED_NESTED);
    }

    private ApiSchemaNames(Map<String, Set<String>> classesByName, Set<String> unnamedNested) {
        this.classesByName = classesByName;
        this.unnamedNested = unnamedNested;
    }

    /** A watch of its own, for checking a set of classes apart from the application's document. */
    static ApiSchemaNames fresh() {
        return new ApiSchemaNames(new ConcurrentHashMap<>(), new ConcurrentSkipListSet<>());
    }

    @Override
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        record(type);
        return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
    }

    private void record(AnnotatedType type) {
        if (type == null || type.getType() == null) {
            return;
        }
        JavaType javaType = Json.mapper().constructType(type.getType());
        Class<?> raw = javaType.getRawClass();
        if (raw == null
                || javaType.isContainerType()
                || raw.isPrimitive()
                || raw.isEnum() && raw.getName().startsWith("java.")
                || !raw.getName().startsWith("id.peduli.")) {
            return;
        }
        String name = TypeNameResolver.std.nameForType(javaType);
        if (raw.getEnclosingClass() != null && !raw.isEnum() && !explicitlyNamed(raw)) {
            unnamedNested.add(raw.getName());
        }
        Set<String> classes = classesByName.computeIfAbsent(name, n -> new ConcurrentSkipListSet<>());
        if (classes.add(javaType.toCanonical()) && classes.size() > 1) {
            log.warn("OpenAPI schema name {} is used by several classes: {}", name, classes);
        }
    }

    /** Schema names that more than one class maps to, with the classes. */
    Map<String, Set<String>> collisions() {
        Map<String, Set<String>> result = new TreeMap<>();
        classesByName.forEach((name, classes) -> {
            if (classes.size() > 1) {
                result.put(name, Set.copyOf(classes));
            }
        });
        return result;
    }

    /**
     * Nested classes whose schema name would be their bare simple name ({@code UpdateRequest}): the kind of name
     * that collides. Each should carry {@code @Schema(name = ...)}.
     */
    Set<String> unnamedNested() {
        return Set.copyOf(unnamedNested);
    }

    private static boolean explicitlyNamed(Class<?> type) {
        io.swagger.v3.oas.annotations.media.Schema schema =
                type.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        return schema != null && !schema.name().isBlank();
    }

    /** Every schema name seen, with its classes. */
    Map<String, Set<String>> names() {
        return new TreeMap<>(classesByName);
    }
}
