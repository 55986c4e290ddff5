package id.peduli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds schema-qualified SQL names in Java string literals and SQL files, for {@link ArchitectureTests}. */
final class SqlReferences {

    private static final Pattern CREATE = Pattern.compile(
            "create\\s+(?:or\\s+replace\\s+)?(?:unlogged\\s+)?(?:materialized\\s+)?"
                    + "(?:table|view|function|procedure|sequence|type)\\s+(?:if\\s+not\\s+exists\\s+)?"
                    + "([a-z_][a-z0-9_]*)\\.([a-z_][a-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern QUALIFIED =
            Pattern.compile("(?<![\\w.@#$])([a-z_][a-z0-9_]*)\\.([a-z_][a-z0-9_]*)\\b", Pattern.CASE_INSENSITIVE);

    /** A string literal or text block of a Java source and the line it starts on. */
    record Literal(int line, String text) {}

    private SqlReferences() {}

    /** The tables, views, functions and sequences each module's migrations create, by schema. */
    static Map<String, Set<String>> objectsBySchema(Path migrations) throws IOException {
        Map<String, Set<String>> objects = new HashMap<>();
        try (Stream<Path> files = Files.walk(migrations)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher create = CREATE.matcher(Files.readString(file));
                while (create.find()) {
                    objects.computeIfAbsent(create.group(1).toLowerCase(), schema -> new HashSet<>())
                            .add(create.group(2).toLowerCase());
                }
            }
        }
        return objects;
    }

    /**
     * The references in {@code sql} to objects of schemas other than {@code ownSchema}, as {@code line: schema.name}
     * where {@code sql} starts on line {@code firstLine}.
     */
    static List<String> foreign(String sql, int firstLine, String ownSchema, Map<String, Set<String>> objects) {
        List<String> found = new ArrayList<>();
        Matcher name = QUALIFIED.matcher(sql);
        while (name.find()) {
            String schema = name.group(1).toLowerCase();
            String object = name.group(2).toLowerCase();
            if (!schema.equals(ownSchema)
                    && objects.getOrDefault(schema, Set.of()).contains(object)) {
                found.add((firstLine + count(sql, 0, name.start())) + ": " + schema + "." + object);
            }
        }
        return found;
    }

    /** The string literals and text blocks of a Java source, without comments and character literals. */
    static List<Literal> literals(String source) {
        List<Literal> literals = new ArrayList<>();
        int line = 1;
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (source.startsWith("//", i)) {
                while (i < n && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(source, i, end);
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int start = line;
                StringBuilder text = new StringBuilder();
                i += 3;
                while (i < n && !source.startsWith("\"\"\"", i)) {
                    if (source.charAt(i) == '\\' && i + 1 < n) {
                        if (source.charAt(i + 1) == '\n') {
                            line++;
                        }
                        text.append(source.charAt(i + 1));
                        i += 2;
                        continue;
                    }
                    if (source.charAt(i) == '\n') {
                        line++;
                    }
                    text.append(source.charAt(i++));
                }
                i += 3;
                literals.add(new Literal(start, text.toString()));
            } else if (c == '"') {
                StringBuilder text = new StringBuilder();
                i++;
                while (i < n && source.charAt(i) != '"' && source.charAt(i) != '\n') {
                    if (source.charAt(i) == '\\' && i + 1 < n) {
                        text.append(source.charAt(i + 1));
                        i += 2;
                        continue;
                    }
                    text.append(source.charAt(i++));
                }
                i++;
                literals.add(new Literal(line, text.toString()));
            } else if (c == '\'') {
                i++;
                while (i < n && source.charAt(i) != '\'' && source.charAt(i) != '\n') {
                    i += source.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
            } else {
                i++;
            }
        }
        return literals;
    }

    private static int count(String source, int from, int to) {
        int lines = 0;
        for (int i = from; i < to; i++) {
            if (source.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
