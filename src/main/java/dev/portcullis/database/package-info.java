/**
 * Where data lives. The DataSource is H2 in a file under {@code PORTCULLIS_DATA_DIR} unless the
 * environment names a PostgreSQL database ({@code DB_URL}, {@code DB_USER}, {@code DB_PASSWORD},
 * {@code DB_DATASOURCE_CLASS}); the same WAR serves both. The schema comes from the Flyway migrations
 * in {@code db/migration}, run at start-up before anything else touches the database, never from JPA
 * DDL generation. Statements run for HTTP requests are counted so tests can prove the hot path needs
 * none.
 */
package dev.portcullis.database;
