package dev.portcullis.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portcullis.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrations of the usage rows, without a server: on H2 (the shipped URL's form) and, in the postgres
 * profile, on a fresh PostgreSQL database. V11 on data written by the schema before it: no key's last use
 * may be lost.
 */
class LastUseMigrationIT {

    private static final long DAY = 86_400_000L;
    private static final long USED = 20_000 * DAY + 12_345_678; // a time on epoch day 20000

    @TempDir
    Path data;

    @Test
    void aKeysLastUseMovesToItsNewestUsageRowOrToANewRowOfNoRequests() throws Exception {
        Map<String, String> database = database();
        migrate(database, "10");
        try (Connection connection = connect(database); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO tenants (id, name, plan, status, per_minute, per_day, created_at, updated_at)"
                    + " VALUES ('tenant_m', 'm', 'free', 'active', 10, 100, 1, 1)");
            key(sql, "key_rows", USED);
            key(sql, "key_norows", USED + 1);
            key(sql, "key_unused", null);
            usage(sql, "key_rows", 19_999, 4);
            usage(sql, "key_rows", 20_000, 2);
            usage(sql, "key_unused", 20_000, 0);
            usage(sql, "user_someone", 20_000, 7);
        }

        migrate(database, "latest");

        try (Connection connection = connect(database); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT id, allowed, last_used_at FROM usage_daily")) {
            Map<String, String> found = new TreeMap<>();
            while (rows.next()) {
                found.put(rows.getString(1), rows.getLong(2) + " " + rows.getObject(3));
            }
            assertEquals(Map.of(
                    "key_rows@19999", "4 null",
                    "key_rows@20000", "2 " + USED,
                    "key_norows@20000", "0 " + (USED + 1),
                    "key_unused@20000", "0 null",
                    "user_someone@20000", "7 null"), found);
        }
    }

    @Test
    void onPostgreSqlUsagePagesLeaveRoomForTheirRowsUpdates() throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "a PostgreSQL storage setting");
        Map<String, String> database = database();
        migrate(database, "latest");
        try (Connection connection = connect(database); Statement sql = connection.createStatement();
             ResultSet options = sql.executeQuery("SELECT reloptions FROM pg_class WHERE relname = 'usage_daily'")) {
            options.next();
            assertEquals("{fillfactor=80}", options.getString(1));
        }
    }

    private static void key(Statement sql, String id, Long lastUsed) throws SQLException {
        sql.execute("INSERT INTO api_keys (id, tenant_id, name, type, environment, role, secret_hash, prefix, last4,"
                + " last_used_at, created_at, updated_at) VALUES ('" + id + "', 'tenant_m', 'n', 'secret', 'live', 'member', '"
                + id + "', 'sk_live_" + id + "', 'abcd', " + lastUsed + ", 1, 1)");
    }

    private static void usage(Statement sql, String subject, long day, long allowed) throws SQLException {
        sql.execute("INSERT INTO usage_daily (id, subject_id, tenant_id, usage_day, allowed, refused, updated_at) VALUES ('"
                + subject + "@" + day + "', '" + subject + "', 'tenant_m', " + day + ", " + allowed + ", 0, 1)");
    }

    private Map<String, String> database() throws Exception {
        if (TestDatabase.isPostgres()) {
            return TestDatabase.fresh("migration");
        }
        Files.createDirectories(data);
        return Map.of("DB_URL", "jdbc:h2:file:" + data.resolve("portcullis") + ";DB_CLOSE_ON_EXIT=FALSE",
                "DB_USER", "sa", "DB_PASSWORD", "");
    }

    private static void migrate(Map<String, String> database, String target) {
        Flyway.configure(LastUseMigrationIT.class.getClassLoader())
                .dataSource(database.get("DB_URL"), database.get("DB_USER"), database.get("DB_PASSWORD"))
                .locations("classpath:db/migration")
                .target(target)
                .load()
                .migrate();
    }

    private static Connection connect(Map<String, String> database) throws SQLException {
        return DriverManager.getConnection(database.get("DB_URL"), database.get("DB_USER"), database.get("DB_PASSWORD"));
    }
}
