package dev.portcullis.database;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema to the newest version at start-up, before the bootstrap and everything else
 * (observer priority 0). Several nodes starting together are safe: Flyway takes a database lock.
 */
@ApplicationScoped
public class Migrations {

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    void migrate(@Observes @Priority(0) @Initialized(ApplicationScoped.class) Object started) {
        refuseOlderPostgreSql();
        var result = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migrations applied now)");
    }

    /** The usage flush writes with MERGE, which PostgreSQL has since 15: refuse to start rather than fail every flush. */
    private void refuseOlderPostgreSql() {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData database = connection.getMetaData();
            if (Database.isPostgreSql(database) && database.getDatabaseMajorVersion() < 15) {
                throw new IllegalStateException("PostgreSQL " + database.getDatabaseProductVersion()
                        + " is too old for Portcullis: it needs PostgreSQL 15 or later");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the database's version", e);
        }
    }
}
