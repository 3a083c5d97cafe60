package dev.portcullis.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testing.PayaraMicro;
import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Nodes started at the same moment on one empty database. The other node is played by this test, at
 * the worst moment: it has inserted the platform tenant and not yet committed when the server looks
 * for it, so the server finds none, tries to create it, and waits on the database until the other
 * commits. Runs in the {@code postgres} profile (an H2 file belongs to one process).
 */
@EnabledIfSystemProperty(named = "it.db.url", matches = ".+")
class SimultaneousFirstStartIT {

    private static final Duration WAIT = Duration.ofSeconds(240);

    @Test
    void theNodeThatLosesTheRaceToCreateThePlatformTenantStartsAndUsesTheWinnersWithoutShowingAKey() throws Exception {
        Map<String, String> environment = TestDatabase.fresh("simultaneous");
        String url = environment.get("DB_URL");
        Flyway.configure().dataSource(url, environment.get("DB_USER"), environment.get("DB_PASSWORD"))
                .locations("classpath:db/migration").load().migrate();

        try (Connection otherNode = DriverManager.getConnection(url, environment.get("DB_USER"), environment.get("DB_PASSWORD"));
             Connection watcher = DriverManager.getConnection(url, environment.get("DB_USER"), environment.get("DB_PASSWORD"))) {
            otherNode.setAutoCommit(false);
            try (var insert = otherNode.prepareStatement("INSERT INTO tenants (id, name, plan, status, created_at, updated_at) "
                    + "VALUES ('tenant_platform', 'Platform', 'enterprise', 'active', 0, 0)")) {
                insert.executeUpdate();
            }
            CompletableFuture<PayaraMicro> starting = CompletableFuture.supplyAsync(
                    () -> PayaraMicro.start("simultaneous", environment));
            awaitASessionWaitingOnALock(watcher, starting);
            otherNode.commit();

            try (PayaraMicro server = starting.get(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                String log = server.logText();
                assertTrue(log.contains("Another node created the platform tenant at the same moment; this node uses it"), log);
                assertFalse(log.contains("Platform-admin API key"), "the losing node showed a key");
                assertFalse(log.contains("Created the platform tenant"), "the losing node claims to have created it");
                assertEquals(200, new Portcullis(server, null).get("/v1/health", null).status());
            }
        }
    }

    /**
     * Until the server's insert waits for the other node's transaction. Asked on a connection of its own,
     * in a transaction per question: PostgreSQL keeps one snapshot of pg_stat_activity per transaction.
     * The start's own wait doubles as the pause between questions.
     */
    private static void awaitASessionWaitingOnALock(Connection watcher, CompletableFuture<PayaraMicro> starting)
            throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            try (var waiting = watcher.prepareStatement("SELECT count(*) FROM pg_stat_activity "
                    + "WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid() AND wait_event = 'transactionid'");
                 var rows = waiting.executeQuery()) {
                rows.next();
                if (rows.getInt(1) > 0) {
                    return;
                }
            }
            try {
                starting.get(200, TimeUnit.MILLISECONDS).close();
                throw new AssertionError("the server started without waiting for the other node's platform tenant");
            } catch (TimeoutException stillStarting) {
                // look again
            }
        }
        throw new AssertionError("the server never waited for the other node's platform tenant");
    }
}
