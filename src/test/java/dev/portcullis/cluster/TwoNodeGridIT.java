package dev.portcullis.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testing.Concurrently;
import dev.portcullis.testing.PayaraMicro;
import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.SharedServer;
import dev.portcullis.webhooks.Receiver;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Two Payara Micro nodes in one Data Grid on loopback, sharing one PostgreSQL database (H2 files
 * cannot be shared): counters, revocations and suspensions hold across them. Runs in the
 * {@code postgres} profile, which {@code .ci/run} runs.
 */
@EnabledIfSystemProperty(named = "it.db.url", matches = ".+")
class TwoNodeGridIT {

    private static PayaraMicro first;
    private static PayaraMicro second;
    private static Portcullis one;
    private static Portcullis two;

    @BeforeAll
    static void startTwoNodesInOneGrid() {
        String adminKey = SharedServer.newAdminKey();
        Map<String, String> environment = SharedServer.environment("grid", adminKey);
        // Webhooks to a receiver on loopback, looked for often (quotaThresholdIsRaisedOnceAcrossBothNodes).
        environment.put("WEBHOOKS_ALLOW_PRIVATE_DESTINATIONS", "true");
        environment.put("WEBHOOKS_ALLOW_HTTP", "true");
        environment.put("WEBHOOKS_POLL_INTERVAL", "PT0.2S");
        int firstPort = PayaraMicro.freePort();
        int secondPort = PayaraMicro.freePort();
        List<Integer> members = List.of(firstPort, secondPort);
        first = PayaraMicro.start("grid-1", environment, firstPort, members, List.of());
        second = PayaraMicro.start("grid-2", environment, secondPort, members, List.of());
        one = new Portcullis(first, adminKey);
        two = new Portcullis(second, adminKey);
    }

    @AfterAll
    static void stop() {
        PayaraMicro.stopAll(second, first);
    }

    @Test
    void theNodesFormOneGrid() {
        assertTrue(second.logText().contains("DG Size: 2"), "the second node did not join the first");
    }

    @Test
    void concurrentRequestsSplitOverBothNodesAdmitExactlyTheRemainingQuota() {
        var tenant = one.newTenant();
        for (int round = 1; round <= 5; round++) {
            String key = one.newKey(tenant.adminKey(), "{\"name\":\"shared " + round + "\",\"rate_limit\":{\"per_day\":20}}").string("key");
            Map<Integer, Integer> statuses = Concurrently.send(200, i -> HttpRequest.newBuilder(
                            (i % 2 == 0 ? one : two).uri("/v1/health"))
                    .header("Authorization", "Bearer " + key).build());
            assertEquals(Map.of(200, 20, 429, 180), statuses, "round " + round);
        }
    }

    /** 80 % and 100 % of a day quota crossed by requests split over both nodes: each announced once. */
    @Test
    void quotaThresholdIsRaisedOnceAt80AndOnceAt100PercentWithBothNodesCharging() {
        var tenant = one.newTenant();
        try (Receiver receiver = Receiver.answeringOk()) {
            String webhook = Portcullis.expect(one.post("/v1/webhooks", tenant.adminKey(),
                    "{\"url\":\"" + receiver.url() + "\",\"events\":[\"quota.threshold\"]}"), 201).string("id");
            String key = one.newKey(one.adminKey(), "{\"name\":\"metered\",\"role\":\"member\",\"rate_limit\":{\"per_day\":20}}",
                    "X-Tenant-ID", tenant.id()).string("key");

            Map<Integer, Integer> statuses = Concurrently.send(60, i -> HttpRequest.newBuilder(
                            (i % 2 == 0 ? one : two).uri("/v1/health"))
                    .header("Authorization", "Bearer " + key).build());
            assertEquals(Map.of(200, 20, 429, 40), statuses);

            receiver.await(r -> r.type().equals("quota.threshold") && r.data().getInt("threshold") == 100,
                    Duration.ofSeconds(30), "100 %");
            // One worker sends in order of due time: once a later test event is in, nothing earlier is still coming.
            String test = Portcullis.expect(two.post("/v1/webhooks/" + webhook + "/test", tenant.adminKey(), null), 202).string("event_id");
            receiver.await(r -> test.equals(r.eventId()), Duration.ofSeconds(30), "the test event");
            List<Receiver.Received> thresholds = receiver.of("quota.threshold");
            assertEquals(2, thresholds.size(), receiver.summary().toString());
            assertEquals(java.util.Set.of(80, 100), thresholds.stream().map(r -> r.data().getInt("threshold"))
                    .collect(java.util.stream.Collectors.toSet()));
        }
    }

    @Test
    void aKeyRevokedOnOneNodeIsRefusedOnTheOtherAtItsNextRequest() {
        var tenant = one.newTenant();
        var created = one.newKey(tenant.adminKey(), "{\"name\":\"everywhere\"}");
        String key = created.string("key");
        assertEquals(200, one.get("/v1/health", key).status());
        assertEquals(200, two.get("/v1/health", key).status(), "now cached on the second node too");

        assertEquals(204, one.delete("/v1/keys/" + created.string("id"), tenant.adminKey()).status());

        assertEquals(401, two.get("/v1/health", key).status());
        assertEquals(401, one.get("/v1/health", key).status());
    }

    @Test
    void aTenantSuspendedOnOneNodeIsRefusedOnTheOther() {
        var tenant = one.newTenant();
        assertEquals(200, two.get("/v1/health", tenant.adminKey()).status());
        assertEquals(200, one.patch("/v1/tenants/" + tenant.id(), one.adminKey(), "{\"status\":\"suspended\"}").status());
        assertEquals(403, two.get("/v1/health", tenant.adminKey()).status());
    }

    @Test
    void aPlanChangedOnOneNodeAppliesOnTheOther() {
        String plan = "grid-" + System.nanoTime();
        one.post("/v1/plans", one.adminKey(), "{\"name\":\"" + plan + "\",\"per_minute\":3,\"per_day\":30}");
        String tenant = one.post("/v1/tenants", one.adminKey(), "{\"name\":\"p\",\"plan\":\"" + plan + "\"}").string("id");
        String key = one.newKey(one.adminKey(), "{\"name\":\"k\"}", "X-Tenant-ID", tenant).string("key");
        assertEquals("3", two.get("/v1/health", key).header("X-RateLimit-Limit"));
        one.patch("/v1/plans/" + plan, one.adminKey(), "{\"per_minute\":4}");
        assertEquals("4", two.get("/v1/health", key).header("X-RateLimit-Limit"));
    }

    @Test
    void creditsAreSpentExactlyAcrossBothNodes() {
        var tenant = one.newTenant();
        String key = one.newKey(tenant.adminKey(), "{\"name\":\"metered\",\"credits\":{\"remaining\":20}}").string("key");
        Map<Integer, Integer> statuses = Concurrently.send(200, i -> HttpRequest.newBuilder(
                        (i % 2 == 0 ? one : two).uri("/v1/health"))
                .header("Authorization", "Bearer " + key).build());
        assertEquals(Map.of(200, 20, 402, 180), statuses);
    }

    @Test
    void anIdentitysLimitIsSharedByItsKeysAcrossBothNodes() {
        var tenant = one.newTenant();
        String identity = Portcullis.expect(one.post("/v1/identities", tenant.adminKey(),
                "{\"external_id\":\"customer-1\",\"rate_limit\":{\"per_day\":20}}"), 201).string("id");
        String first = one.newKey(tenant.adminKey(), "{\"name\":\"a\",\"identity_id\":\"" + identity + "\"}").string("key");
        String second = one.newKey(tenant.adminKey(), "{\"name\":\"b\",\"identity_id\":\"" + identity + "\"}").string("key");
        Map<Integer, Integer> statuses = Concurrently.send(200, i -> HttpRequest.newBuilder(
                        (i % 2 == 0 ? one : two).uri("/v1/health"))
                .header("Authorization", "Bearer " + (i % 4 < 2 ? first : second)).build());
        assertEquals(Map.of(200, 20, 429, 180), statuses);
    }
}
