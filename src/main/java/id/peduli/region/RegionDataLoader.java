package id.peduli.region;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.stereotype.Component;

/**
 * Makes {@code region.region} hold the bundled region data set. It runs once the migrations are done and before the
 * application serves requests; when the table already holds that data set (same checksum and row count) it does
 * nothing. Otherwise it empties the table and copies the data set in with PostgreSQL {@code COPY}, all in one
 * transaction: a failure or crash midway leaves the previous content, and the next start loads again. A
 * transaction-scoped advisory lock keeps instances that start together from loading twice.
 */
@Component
@DependsOnDatabaseInitialization
class RegionDataLoader implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(RegionDataLoader.class);
    private static final String COPY =
            "copy region.region (code, parent_code, level, name) from stdin with (format csv, header true)";

    private final DataSource dataSource;

    RegionDataLoader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() {
        loadIfNeeded(RegionDataSet.bundled());
    }

    /** Loads {@code data} unless it is already loaded; tells whether it loaded. */
    boolean loadIfNeeded(RegionDataSet data) {
        return load(data, false);
    }

    /**
     * Loads {@code data} in one transaction; with {@code force} even when it is already loaded. Tells whether it
     * loaded.
     */
    boolean load(RegionDataSet data, boolean force) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                long start = System.nanoTime();
                boolean loaded = loadInTransaction(connection, data, force);
                connection.commit();
                if (loaded) {
                    log.info(
                            "Loaded {} regions into region.region in {} ms",
                            data.rowCount(),
                            (System.nanoTime() - start) / 1_000_000);
                }
                return loaded;
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw new IllegalStateException("Loading the region data failed; the previous content is kept", e);
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to load the region data", e);
        }
    }

    private boolean loadInTransaction(Connection connection, RegionDataSet data, boolean force)
            throws SQLException, IOException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_xact_lock(hashtext('region.region load'))");
        }
        if (!force && holds(connection, data)) {
            log.debug("Region data {} is already loaded", data.checksum());
            return false;
        }
        long start = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            statement.execute("truncate table region.region");
        }
        long copied = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, data.open());
        if (copied != data.rowCount()) {
            throw new IllegalStateException(
                    "Copied " + copied + " regions but the data set has " + data.rowCount() + "; not loaded");
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("analyze region.region");
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        try (PreparedStatement statement = connection.prepareStatement("""
                insert into region.load_state (id, checksum, row_count, loaded_at, duration_ms)
                values (1, ?, ?, now(), ?)
                on conflict (id) do update set checksum = excluded.checksum, row_count = excluded.row_count,
                    loaded_at = excluded.loaded_at, duration_ms = excluded.duration_ms
                """)) {
            statement.setString(1, data.checksum());
            statement.setInt(2, data.rowCount());
            statement.setInt(3, (int) millis);
            statement.executeUpdate();
        }
        return true;
    }

    private static boolean holds(Connection connection, RegionDataSet data) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("""
                        select s.checksum, s.row_count, (select count(*) from region.region) as actual
                        from region.load_state s where s.id = 1
                        """)) {
            return rs.next()
                    && data.checksum().equals(rs.getString("checksum"))
                    && rs.getInt("row_count") == data.rowCount()
                    && rs.getLong("actual") == data.rowCount();
        }
    }
}
