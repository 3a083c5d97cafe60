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
        properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=auto-commit"
        })
public class Database {

    public static final String JNDI_NAME = "java:app/jdbc/portcullis";
}
