package dev.portcullis.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a test server keeps its data: embedded H2 in its own directory by default, or, when the
 * {@code postgres} Maven profile sets {@code it.db.url}, a fresh PostgreSQL database per server.
 */
public final class TestDatabase {

    private static final Duration LEFT_BEHIND = Duration.ofHours(3);
    private static boolean oldRunsDropped;
    /** Made by this run: dropped when the test JVM ends (a run that is killed leaves them to the next one). */
    private static final List<String> MADE = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropMade, "drop-test-databases"));
    }

    private TestDatabase() {
    }

    public static boolean isPostgres() {
        String url = System.getProperty("it.db.url", "");
        return !url.isBlank();
    }

    /**
     * Databases left by runs that ended hours ago (each name starts with its creation time). Not all of
     * them: another run may be using its own right now on the same PostgreSQL.
     */
    private static synchronized void dropDatabasesOfEarlierRuns(Statement statement) throws SQLException {
        if (oldRunsDropped) {
            return;
        }
        oldRunsDropped = true;
        long cutoff = System.currentTimeMillis() - LEFT_BEHIND.toMillis();
        var names = new ArrayList<String>();
        try (var rows = statement.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'portcullis\\_it%'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        for (String name : names) {
            if (createdMillis(name) < cutoff) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    /** WITH (FORCE): a server of the run may still hold connections while the JVM ends. */
    private static void dropMade() {
        List<String> made;
        synchronized (MADE) {
            made = List.copyOf(MADE);
        }
        if (made.isEmpty()) {
            return;
        }
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            for (String database : made) {
                statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.err.println("Could not drop this run's test databases (the next run drops them after "
                    + LEFT_BEHIND.toHours() + " hours): " + e.getMessage());
        }
    }

    /** From {@code portcullis_itdb_<epoch millis, base 36>_…}; 0 for the names of older versions of this. */
    private static long createdMillis(String database) {
        String[] parts = database.split("_");
        try {
            return parts[1].equals("itdb") && parts.length > 3 ? Long.parseLong(parts[2], 36) : 0;
        } catch (NumberFormatException notOurs) {
            return 0;
        }
    }

    /** Environment variables that point a new server at its own, empty database, and these settings too. */
    public static Map<String, String> freshWith(String name, Map<String, String> settings) {
        Map<String, String> environment = new HashMap<>(fresh(name));
        environment.putAll(settings);
        return environment;
    }

    /** Environment variables that point a new server at its own, empty database. */
    public static Map<String, String> fresh(String name) {
        if (!isPostgres()) {
            return Map.of();
        }
        String database = ("portcullis_itdb_" + Long.toString(System.currentTimeMillis(), 36) + "_" + name + "_"
                + Long.toString(System.nanoTime(), 36)).toLowerCase()
                .replaceAll("[^a-z0-9_]", "_");
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            dropDatabasesOfEarlierRuns(statement);
            statement.execute("CREATE DATABASE " + database);
            synchronized (MADE) {
                MADE.add(database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test database " + database + " at " + url("postgres"), e);
        }
        return Map.of(
                "DB_URL", url(database),
                "DB_USER", System.getProperty("it.db.user"),
                "DB_PASSWORD", System.getProperty("it.db.password"),
                "DB_DATASOURCE_CLASS", System.getProperty("it.db.datasourceClass"));
    }

    /** The JDBC URL of {@code database} on the PostgreSQL server that {@code it.db.url} names. */
    private static String url(String database) {
        String base = System.getProperty("it.db.url");
        return base.substring(0, base.lastIndexOf('/') + 1) + database;
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), System.getProperty("it.db.user"), System.getProperty("it.db.password"));
    }
}
