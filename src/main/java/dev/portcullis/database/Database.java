package dev.portcullis.database;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

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
}
