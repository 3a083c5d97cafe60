package dev.portcullis.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testing.PayaraMicro;
import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.SharedServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A node alone decides its rate limits in place; when a second node joins, the counts move into the Data
 * Grid before either decides there, and when it leaves, back. Under constant load on a day's quota, across
 * the join and the leaving: exactly the day's quota admitted, on both nodes together. Runs in the
 * {@code postgres} profile (the nodes share one database).
 */
@EnabledIfSystemProperty(named = "it.db.url", matches = ".+")
class GridJoinUnderLoadIT {

    private static PayaraMicro first;
    private static PayaraMicro second;

    @AfterAll
    static void stop() {
        PayaraMicro.stopAll(second, first);
    }

    @Test
    void noRequestIsAdmittedTwiceAcrossASecondNodeJoiningAndLeaving() throws Exception {
        int day = 1000;
        String adminKey = SharedServer.newAdminKey();
        Map<String, String> environment = SharedServer.environment("join", adminKey);
        List<Integer> members = List.of(PayaraMicro.freePort(), PayaraMicro.freePort());
        first = PayaraMicro.start("join-1", environment, members.get(0), members, List.of());
        Portcullis one = new Portcullis(first, adminKey);
        // Only the key's day quota limits: the tenant's windows and the key's minute are out of reach.
        String tenant = Portcullis.expect(one.post("/v1/tenants", adminKey, "{\"name\":\"join\",\"plan\":\"enterprise\","
                + "\"rate_limit\":{\"per_minute\":1000000000,\"per_day\":1000000000}}"), 201).string("id");
        String key = one.newKey(adminKey, "{\"name\":\"a day's quota\",\"rate_limit\":{\"per_minute\":1000000000,\"per_day\":"
                + day + "}}", "X-Tenant-ID", tenant).string("key");
        assertEquals(200, one.get("/v1/health", key).status());
        assertTrue(first.logText().contains("rate limits are decided in place"), "alone, the node decides in place");

        AtomicInteger admitted = new AtomicInteger(1);
        AtomicInteger refused = new AtomicInteger();
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicBoolean paced = new AtomicBoolean(true);
        List<Portcullis> nodes = new java.util.concurrent.CopyOnWriteArrayList<>(List.of(one));
        ExecutorService load = Executors.newFixedThreadPool(4);
        for (int thread = 0; thread < 4; thread++) {
            load.submit(() -> {
                for (int i = 0; loading.get(); i++) {
                    int status = nodes.get(i % nodes.size()).get("/v1/health", key).status();
                    (status == 200 ? admitted : refused).incrementAndGet();
                    if (paced.get()) {
                        // While the second node starts: a few requests a second, so that the day lasts through the join.
                        java.util.concurrent.locks.LockSupport.parkNanos(1_200_000_000);
                    }
                }
                return null;
            });
        }
        second = PayaraMicro.start("join-2", environment, members.get(1), members, List.of());
        Portcullis two = new Portcullis(second, adminKey);
        nodes.add(two);
        assertTrue(first.logText().contains("rate-limit entries handed to the grid"), "the first node handed its counts over");
        assertTrue(admitted.get() < day, "the day lasted through the join");
        paced.set(false);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (refused.get() < 100 && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000);
        }
        loading.set(false);
        load.shutdown();
        assertTrue(load.awaitTermination(60, TimeUnit.SECONDS));

        assertEquals(day, admitted.get(), "the day's quota, no more, across the join");
        second.stop();
        second = null;
        assertEquals(429, one.get("/v1/health", key).status(), "alone again, the counts came back with it");
    }
}
