package id.peduli.registry.bench;

import id.peduli.platform.FieldEncryption;
import id.peduli.platform.FieldEncryptionForTools;
import id.peduli.registry.RegistryBenchSupport;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads the people written by {@link PeopleGenerator} into the database of a running Peduli with PostgreSQL COPY:
 * people (NIK encrypted and hashed with the instance's key, name key, masked NIK), households, members and family
 * card history. People are placed in the demo organisation units: a site when one works in their regency, the
 * technical unit of their province otherwise (Alyatama for Jambi, Kartini for the rest). Afterwards the tables are
 * vacuumed and analysed. Optionally creates API tokens for benchmark users.
 *
 * <p>{@code java -cp <test classpath> id.peduli.registry.bench.PeopleLoader --jdbc <url> --key <base64> --dir <dir>
 * [--tokens dpo,pekerja.alyatama --token-file <file>]}
 */
public final class PeopleLoader {

    private static final int BATCH = 5_000;
    private static final String[] SEVERITY = {"MILD", "MODERATE", "SEVERE", "PROFOUND"};

    private final Connection connection;
    private final FieldEncryption encryption;
    private final String nikField = RegistryBenchSupport.nikField();
    private final String kkField = RegistryBenchSupport.kkField();
    private Units units;

    PeopleLoader(Connection connection, FieldEncryption encryption) {
        this.connection = connection;
        this.encryption = encryption;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String url = required(options, "jdbc");
        Path directory = Path.of(required(options, "dir"));
        FieldEncryption encryption = FieldEncryptionForTools.withKey(required(options, "key"));
        try (Connection connection = DriverManager.getConnection(
                url, options.getOrDefault("user", "postgres"), options.getOrDefault("password", ""))) {
            PeopleLoader loader = new PeopleLoader(connection, encryption);
            long started = System.nanoTime();
            long people = loader.load(directory.resolve("people.csv"));
            System.out.printf("Loaded %,d people in %d s%n", people, (System.nanoTime() - started) / 1_000_000_000);
            started = System.nanoTime();
            loader.analyse();
            System.out.printf("Vacuumed and analysed in %d s%n", (System.nanoTime() - started) / 1_000_000_000);
            if (options.containsKey("tokens")) {
                List<String> lines = new ArrayList<>();
                for (String username : options.get("tokens").split(",")) {
                    lines.add(username + " " + loader.token(username.strip()));
                }
                Files.write(Path.of(required(options, "token-file")), lines, StandardCharsets.UTF_8);
            }
        }
    }

    /** Copies the file's people, households, members and KK numbers; returns the number of people. */
    long load(Path file) throws IOException, SQLException {
        connection.setAutoCommit(false);
        units = Units.read(connection);
        List<String> indexes = secondaryIndexes();
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local maintenance_work_mem = '512MB'");
            for (String index : indexes) {
                statement.execute("drop index registry." + index.split(" ")[2]);
            }
        }
        long personBase = max("registry.person");
        long householdBase = max("registry.household");
        StringBuilder households = new StringBuilder();
        StringBuilder members = new StringBuilder();
        StringBuilder kks = new StringBuilder();
        CopyIn copy = connection
                .unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn("copy registry.person (id, org_unit_id, full_name, name_key, sex, birth_date, birth_year,"
                        + " birth_date_approximate, nik_cipher, nik_hash, nik_masked, region_code, regency_code, rt,"
                        + " rw, street, disability_types, disability_severity) from stdin (format csv)");
        long count = 0;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(reader)) {
            List<CSVRecord> batch = new ArrayList<>(BATCH);
            for (CSVRecord record : parser) {
                batch.add(record);
                if (batch.size() == BATCH) {
                    count += flush(batch, personBase + count, householdBase, copy, households, members, kks);
                    batch.clear();
                }
            }
            count += flush(batch, personBase + count, householdBase, copy, households, members, kks);
            copy.endCopy();
        } catch (IOException | SQLException | RuntimeException e) {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
            throw e;
        }
        copyText(
                "copy registry.household (id, org_unit_id, region_code, rt, rw, street) from stdin (format csv)",
                households);
        copyText(
                "copy registry.household_member (household_id, person_id, relationship) from stdin (format csv)",
                members);
        copyText(
                "copy registry.kk_history (household_id, kk_cipher, kk_hash, kk_masked, valid_from) from stdin"
                        + " (format csv)",
                kks);
        try (Statement statement = connection.createStatement()) {
            for (String index : indexes) {
                statement.execute(index);
            }
            statement.execute("select setval('registry.person_id_seq', (select max(id) from registry.person))");
            statement.execute("select setval('registry.household_id_seq', (select max(id) from registry.household))");
        }
        connection.commit();
        connection.setAutoCommit(true);
        return count;
    }

    private int flush(
            List<CSVRecord> batch,
            long firstId,
            long householdBase,
            CopyIn copy,
            StringBuilder households,
            StringBuilder members,
            StringBuilder kks)
            throws SQLException {
        String[] rows = new String[batch.size()];
        java.util.stream.IntStream.range(0, batch.size())
                .parallel()
                .forEach(i -> rows[i] = personRow(batch.get(i), firstId + 1 + i));
        StringBuilder text = new StringBuilder(batch.size() * 300);
        for (int i = 0; i < batch.size(); i++) {
            text.append(rows[i]);
            CSVRecord record = batch.get(i);
            long household = householdBase + Long.parseLong(record.get("household"));
            long personId = firstId + 1 + i;
            members.append(household)
                    .append(',')
                    .append(personId)
                    .append(',')
                    .append(record.get("relationship"))
                    .append('\n');
            if ("HEAD".equals(record.get("relationship"))) {
                String region = record.get("region_code");
                households
                        .append(household)
                        .append(',')
                        .append(units.unitFor(region))
                        .append(',')
                        .append(region)
                        .append(',')
                        .append(record.get("rt"))
                        .append(',')
                        .append(record.get("rw"))
                        .append(',')
                        .append(quoted(record.get("street")))
                        .append('\n');
                String kk = record.get("kk");
                kks.append(household)
                        .append(',')
                        .append(hex(encryption.encrypt(kkField, kk)))
                        .append(',')
                        .append(hex(encryption.hash(kkField, kk)))
                        .append(',')
                        .append(quoted(RegistryBenchSupport.masked(kk)))
                        .append(',')
                        .append(record.get("kk_from"))
                        .append('\n');
            }
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        return batch.size();
    }

    private String personRow(CSVRecord record, long id) {
        String name = record.get("full_name");
        String nik = record.get("nik");
        String region = record.get("region_code");
        String disabilities = record.get("disability_types");
        StringBuilder row = new StringBuilder(320);
        row.append(id)
                .append(',')
                .append(units.unitFor(region))
                .append(',')
                .append(quoted(name))
                .append(',')
                .append(quoted(RegistryBenchSupport.nameKey(name)))
                .append(',')
                .append(record.get("sex"))
                .append(',')
                .append(record.get("birth_date"))
                .append(',')
                .append(record.get("birth_year"))
                .append(',')
                .append(record.get("approximate"))
                .append(',');
        if (nik.isEmpty()) {
            row.append(",,,");
        } else {
            row.append(hex(encryption.encrypt(nikField, nik)))
                    .append(',')
                    .append(hex(encryption.hash(nikField, nik)))
                    .append(',')
                    .append(quoted(RegistryBenchSupport.masked(nik)))
                    .append(',');
        }
        row.append(region)
                .append(',')
                .append(region.substring(0, 5))
                .append(',')
                .append(record.get("rt"))
                .append(',')
                .append(record.get("rw"))
                .append(',')
                .append(quoted(record.get("street")))
                .append(',');
        if (disabilities.isEmpty()) {
            row.append("{},");
        } else {
            row.append(quoted("{" + disabilities.replace(' ', ',') + "}"))
                    .append(',')
                    .append(SEVERITY[(int) (id % SEVERITY.length)]);
        }
        return row.append('\n').toString();
    }

    private void copyText(String sql, StringBuilder text) throws SQLException, IOException {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        text.setLength(0);
        connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new java.io.ByteArrayInputStream(bytes));
    }

    void analyse() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : List.of(
                    "registry.person", "registry.household", "registry.household_member", "registry.kk_history")) {
                statement.execute("vacuum analyze " + table);
            }
        }
    }

    /** A fresh API token (valid one day) for the user, stored as Peduli stores tokens: its SHA-256 only. */
    String token(String username) throws SQLException {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String secret = "pdl_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into access.api_token (user_id, name, token_hash, prefix, expires_at)
                select id, 'benchmark', ?, ?, now() + interval '1 day' from access.user_account
                where lower(username) = lower(?)
                """)) {
            insert.setString(1, sha256(secret));
            insert.setString(2, secret.substring(0, 10));
            insert.setString(3, username);
            if (insert.executeUpdate() != 1) {
                throw new IllegalArgumentException("no user " + username);
            }
        }
        return secret;
    }

    /**
     * The definitions of the person table's indexes that no constraint needs (trigram, array, browse): dropped
     * before the copy and built again after it, which is much faster than updating them row by row.
     */
    private List<String> secondaryIndexes() throws SQLException {
        List<String> definitions = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("""
                        select i.indexdef from pg_indexes i
                        join pg_class c on c.relname = i.indexname
                        join pg_index x on x.indexrelid = c.oid
                        where i.schemaname = 'registry' and i.tablename = 'person'
                          and not x.indisunique and not x.indisprimary
                        """)) {
            while (rs.next()) {
                definitions.add(rs.getString(1));
            }
        }
        return definitions;
    }

    private long max(String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select coalesce(max(id), 0) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The unit a person of a region is registered with. */
    record Units(Map<String, Long> byRegency, Map<String, Long> byProvince, long fallback) {

        static Units read(Connection connection) throws SQLException {
            Map<String, Long> regency = new HashMap<>();
            Map<String, Long> province = new HashMap<>();
            Long kartini = null;
            Long first = null;
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery(
                            "select id, name, type, region_code from organization.org_unit order by id")) {
                while (rs.next()) {
                    long id = rs.getLong("id");
                    String type = rs.getString("type");
                    String region = rs.getString("region_code");
                    first = first == null ? id : first;
                    if ("BBRSBG Kartini Temanggung".equals(rs.getString("name"))) {
                        kartini = id;
                    }
                    if (region == null) {
                        continue;
                    }
                    if ("SITE".equals(type) && region.length() >= 5) {
                        regency.putIfAbsent(region.substring(0, 5), id);
                    }
                    if ("TECHNICAL_UNIT".equals(type)) {
                        province.putIfAbsent(region.substring(0, 2), id);
                    }
                }
            }
            if (first == null) {
                throw new IllegalStateException("no organisation units: start Peduli in demo mode first");
            }
            return new Units(regency, province, kartini == null ? first : kartini);
        }

        long unitFor(String region) {
            Long unit = byRegency.get(region.substring(0, 5));
            if (unit == null) {
                unit = byProvince.get(region.substring(0, 2));
            }
            return unit == null ? fallback : unit;
        }
    }

    private static String quoted(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static String hex(byte[] bytes) {
        return "\\x" + HexFormat.of().formatHex(bytes);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
