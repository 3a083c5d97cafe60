package dev.portcullis.database;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testing.OwnPostgres;
import dev.portcullis.testing.PayaraMicro;
import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.Reply;
import dev.portcullis.testing.SharedServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A server whose PostgreSQL goes away under it (a cluster of the test's own on another loopback port,
 * never the machine's): requests that need the database get 503 {@code SERVICE_UNAVAILABLE} in the
 * envelope within a bounded time rather than hanging on the pool, what the node holds in its caches
 * keeps working, and once the database is back the service recovers by itself. Runs in the
 * {@code postgres} profile, where PostgreSQL's binaries are installed.
 */
@EnabledIfSystemProperty(named = "it.db.url", matches = ".+")
class DatabaseOutageIT {

    /** Well above what the settings allow (a connection within 3 s, a read without answer cut at 10 s), far below the pool's own 60 s and the 30 s EclipseLink took when it retried the query. */
    private static final Duration BOUND = Duration.ofSeconds(20);

    private static OwnPostgres postgres;
    private static PayaraMicro server;
    private static Portcullis portcullis;

    @BeforeAll
    static void startAServerOnItsOwnPostgres() {
        postgres = OwnPostgres.start();
        String adminKey = SharedServer.newAdminKey();
        Map<String, String> environment = new HashMap<>(SharedServer.environment("outage", adminKey));
        environment.putAll(postgres.environment());
        server = PayaraMicro.start("outage", environment);
        portcullis = new Portcullis(server, adminKey);
    }

    @AfterAll
    static void stop() {
        PayaraMicro.stopAll(server);
        if (postgres != null) {
            postgres.close();
        }
    }

    private record Timed(Reply reply, Duration took) {
    }

    private static Timed timed(Supplier<Reply> request) {
        long started = System.nanoTime();
        Reply reply = request.get();
        return new Timed(reply, Duration.ofNanos(System.nanoTime() - started));
    }

    private static void assertUnavailableWithinTheBound(Timed answer) {
        assertEquals(503, answer.reply().status(), answer.reply().toString());
        assertEquals("SERVICE_UNAVAILABLE", answer.reply().errorCode());
        assertNotNull(answer.reply().header("Retry-After"));
        assertTrue(answer.took().compareTo(BOUND) < 0, "answered after " + answer.took());
    }

    private static void assertRecovers(Portcullis.Tenant tenant) {
        Reply created = await("a key created after the outage").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> portcullis.post("/v1/keys", tenant.adminKey(), "{\"name\":\"after\"}"), reply -> reply.status() == 201);
        assertEquals(200, portcullis.get("/v1/keys", tenant.adminKey()).status());
        assertEquals(200, portcullis.get("/v1/health", created.string("key")).status());
    }

    @Test
    void whileTheDatabaseIsStoppedWritesAndReadsGet503AndKnownKeysStillWorkAndThenItRecovers() throws Exception {
        var tenant = portcullis.newTenant();
        String known = portcullis.newKey(tenant.adminKey(), "{\"name\":\"known\"}").string("key");
        assertEquals(200, portcullis.get("/v1/health", known).status());

        postgres.stop();
        try {
            assertUnavailableWithinTheBound(timed(() -> portcullis.post("/v1/keys", tenant.adminKey(), "{\"name\":\"during\"}")));
            assertUnavailableWithinTheBound(timed(() -> portcullis.get("/v1/keys", tenant.adminKey())));
            // a well-formed key this node has never seen must be looked up
            assertUnavailableWithinTheBound(timed(() -> portcullis.get("/v1/health", SharedServer.newAdminKey())));
            assertEquals(200, portcullis.get("/v1/health", known).status(), "a key this node has seen needs no database");
        } finally {
            postgres.resume();
        }
        assertRecovers(tenant);
    }

    @Test
    void aDatabaseThatStopsAnsweringIsCutOffAndAnsweredWith503() throws Exception {
        var tenant = portcullis.newTenant();
        assertEquals(200, portcullis.get("/v1/keys", tenant.adminKey()).status());
        List<Long> processes = postgres.processes();
        signal("STOP", processes);
        try {
            assertUnavailableWithinTheBound(timed(() -> portcullis.get("/v1/keys", tenant.adminKey())));
        } finally {
            signal("CONT", processes);
        }
        assertRecovers(tenant);
    }

    private static void signal(String signal, List<Long> processes) throws Exception {
        for (long pid : processes) {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
        }
    }
}
