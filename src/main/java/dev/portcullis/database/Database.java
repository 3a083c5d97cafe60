package dev.portcullis.database;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The application's DataSource. Every attribute comes from MicroProfile Config, whose defaults in
 * {@code microprofile-config.properties} give embedded H2 and whose environment variables switch to
 * PostgreSQL without a rebuild. The pool must be given a {@code DataSource} class, not a
 * {@code java.sql.Driver}: that is what {@code DB_DATASOURCE_CLASS} names.
 */
@ApplicationScoped
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "${MPCONFIG=DB_DATASOURCE_CLASS}",
        url = "${MPCONFIG=DB_URL}",
        user = "${MPCONFIG=DB_USER}",
        password = "${MPCONFIG=DB_PASSWORD}",
        minPoolSize = 2,
        maxPoolSize = 32,
        // A database that is down must not hold requests: a connection is made within 3 s or refused, a
        // read that gets no answer is cut after 10 s (PostgreSQL's socketTimeout; H2 has no socket), and a
        // request waits at most 5 s for a free connection (Payara's default is 60 s). Then it gets 503.
        loginTimeout = 3,
        properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=auto-commit",
                "fish.payara.max-wait-time-in-millis=5000",
                // One broken connection means the database went away: drop them all, so that the first
                // requests after it is back do not each find a dead one.
                "fish.payara.fail-all-connections=true",
                "socketTimeout=10"
        })
public class Database {

    public static final String JNDI_NAME = "java:app/jdbc/portcullis";

    /** How long background work (usage flushes, purges) may wait for one answer of the database. */
    static final int BACKGROUND_READ_TIMEOUT_MILLIS = 300_000;
    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    /** Work on one connection, in JDBC's terms. */
    @FunctionalInterface
    public interface Work {
        void on(Connection connection) throws SQLException;
    }

    /** Whether the connected database is PostgreSQL (else the embedded H2), for what only one of them has. */
    public static boolean isPostgreSql(DatabaseMetaData database) throws SQLException {
        return "PostgreSQL".equals(database.getDatabaseProductName());
    }

    /**
     * Runs background {@code work} on a connection of its own with a read timeout far longer than the
     * request path's {@code socketTimeout}: a batch that a busy database takes long over is not a database
     * that is gone, and taking it for one would (fail-all-connections) close every request's connection
     * too. The connection goes back to the pool with its timeout as it was.
     */
    public static void patiently(DataSource dataSource, Work work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            int before = readTimeout(connection, BACKGROUND_READ_TIMEOUT_MILLIS);
            try {
                work.on(connection);
            } finally {
                if (before >= 0) {
                    readTimeout(connection, before);
                }
            }
        }
    }

    /** Sets the connection's read timeout; answers the one it had, or -1 where the driver has none (H2). */
    private static int readTimeout(Connection connection, int millis) {
        try {
            int before = connection.getNetworkTimeout();
            connection.setNetworkTimeout(Runnable::run, millis);
            return before;
        } catch (SQLException | UnsupportedOperationException | AbstractMethodError e) {
            LOG.log(Level.FINE, "No read timeout to set on this connection", e);
            return -1;
        }
    }
}
