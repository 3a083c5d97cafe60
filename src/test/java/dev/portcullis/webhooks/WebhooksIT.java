package dev.portcullis.webhooks;

import static dev.portcullis.testing.Portcullis.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testing.Concurrently;
import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.PortcullisTest;
import dev.portcullis.testing.Reply;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Webhooks against real receivers on loopback (the JDK's HTTP server), on the shared server, which allows
 * loopback destinations over HTTP, retries after 1 s, 2 s, … and cuts a delivery off after 2 s. Waits
 * are bounded polls; that nothing more arrives is shown by a later event arriving first (deliveries are
 * sent in order of their due time by one worker).
 */
@PortcullisTest
class WebhooksIT {

    private static final Duration SOON = Duration.ofSeconds(20);

    static JsonObject register(Portcullis portcullis, String adminKey, String url, String... events) {
        String list = String.join("\",\"", events);
        return expect(portcullis.post("/v1/webhooks", adminKey, "{\"url\":\"" + url + "\",\"events\":[\"" + list + "\"]}"), 201).json();
    }

    static List<JsonObject> deliveries(Portcullis portcullis, String adminKey, String webhookId) {
        Reply page = expect(portcullis.get("/v1/webhooks/" + webhookId + "/deliveries?limit=200", adminKey), 200);
        List<JsonObject> rows = new ArrayList<>();
        page.data().forEach(row -> rows.add(row.asJsonObject()));
        return rows;
    }

    static JsonObject awaitDelivery(Portcullis portcullis, String adminKey, String webhookId, Predicate<JsonObject> wanted, String what) {
        return Receiver.first(() -> deliveries(portcullis, adminKey, webhookId), wanted, SOON,
                () -> "No delivery " + what + " within " + SOON + ": " + deliveries(portcullis, adminKey, webhookId));
    }

    /** Queues a test event and waits until the receiver has it: everything due before it was sent before it. */
    static void flush(Portcullis portcullis, String adminKey, String webhookId, Receiver receiver) {
        String eventId = expect(portcullis.post("/v1/webhooks/" + webhookId + "/test", adminKey, null), 202).string("event_id");
        receiver.await(request -> eventId.equals(request.eventId()), SOON, "test event " + eventId);
    }

    /** The receiver's side of the signature, written out here rather than taken from the server's code. */
    static boolean verifies(String secret, Receiver.Received request) throws Exception {
        String timestamp = null;
        String v1 = null;
        for (String part : request.signature().split(",")) {
            if (part.startsWith("t=")) {
                timestamp = part.substring(2);
            } else if (part.startsWith("v1=")) {
                v1 = part.substring(3);
            }
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((timestamp + "." + request.body()).getBytes(StandardCharsets.UTF_8)));
        return expected.equals(v1);
    }

    @Test
    void aDeliveryIsSignedWithTheSecretShownOnceAtRegistrationAndCarriesTheEvent(Portcullis portcullis) throws Exception {
        var tenant = portcullis.newTenant();
        try (Receiver receiver = Receiver.answeringOk()) {
            JsonObject webhook = register(portcullis, tenant.adminKey(), receiver.url(), "key.created");
            String secret = webhook.getString("secret");
            assertTrue(secret.matches("whsec_[0-9A-Za-z]{32}"), secret);
            assertFalse(portcullis.get("/v1/webhooks/" + webhook.getString("id"), tenant.adminKey()).json().containsKey("secret"));
            assertFalse(portcullis.get("/v1/webhooks", tenant.adminKey()).body().contains(secret));

            String keyId = portcullis.newKey(tenant.adminKey(), "{\"name\":\"announced\",\"role\":\"member\"}").string("id");

            Receiver.Received request = receiver.awaitType("key.created", SOON);
            assertTrue(verifies(secret, request), "signature " + request.signature() + " of " + request.body());
            // Another last character: "x" alone would be the same secret once in 62 runs.
            String another = secret.substring(0, secret.length() - 1) + (secret.endsWith("x") ? "y" : "x");
            assertFalse(verifies(another, request), "another secret does not verify");
            long signedAt = Long.parseLong(request.signature().substring(2, request.signature().indexOf(',')));
            // The shared server's clock is moved forward by other tests: t is compared with it, not with ours.
            Instant serverNow = Instant.parse(expect(portcullis.post("/v1/test-clock", portcullis.adminKey(), "{\"seconds\":0}"), 200)
                    .string("now"));
            assertTrue(Math.abs(signedAt - serverNow.getEpochSecond()) < 600, "t is the server's clock, in seconds: " + signedAt
                    + " against " + serverNow);
            JsonObject event = request.json();
            assertTrue(event.getString("id").startsWith("evt_"), event.toString());
            assertEquals(event.getString("id"), request.eventId(), "Portcullis-Event-Id is the event's id");
            assertEquals(tenant.id(), event.getString("tenant_id"));
            assertEquals(keyId, event.getJsonObject("data").getString("key_id"));
            assertEquals("announced", event.getJsonObject("data").getString("name"));
            Instant.parse(event.getString("created_at"));
            assertEquals("application/json", request.contentType());

            JsonObject delivery = awaitDelivery(portcullis, tenant.adminKey(), webhook.getString("id"),
                    row -> row.getString("outcome").equals("delivered"), "delivered");
            assertEquals(event.getString("id"), delivery.getString("event_id"));
            assertEquals("key.created", delivery.getString("event_type"));
            assertEquals(1, delivery.getInt("attempts"));
            assertEquals(200, delivery.getInt("status_code"));
            assertTrue(delivery.isNull("error") && delivery.isNull("next_attempt_at"), delivery.toString());
            assertEquals(1, receiver.received().size(), receiver.summary().toString());
        }
    }

    @Test
    void aReceiverAnswering500ThenOkGetsTheEventAgainAndOnceMoreOnly(Portcullis portcullis) throws Exception {
        var tenant = portcullis.newTenant();
        double retrying = portcullis.metric("application", "portcullis_webhooks_deliveries_total", "outcome", "retrying");
        try (Receiver receiver = Receiver.answering(n -> n == 1 ? 500 : 200)) {
            String webhookId = register(portcullis, tenant.adminKey(), receiver.url(), "key.revoked").getString("id");
            JsonObject queued = expect(portcullis.post("/v1/webhooks/" + webhookId + "/test", tenant.adminKey(), null), 202).json();
            assertEquals("pending", queued.getString("outcome"));
            String eventId = queued.getString("event_id");

            JsonObject delivered = awaitDelivery(portcullis, tenant.adminKey(), webhookId,
                    row -> row.getString("event_id").equals(eventId) && row.getString("outcome").equals("delivered"), "delivered");
            assertEquals(2, delivered.getInt("attempts"));
            assertEquals(200, delivered.getInt("status_code"));

            flush(portcullis, tenant.adminKey(), webhookId, receiver);
            List<Receiver.Received> tries = receiver.received().stream().filter(r -> eventId.equals(r.eventId())).toList();
            assertEquals(2, tries.size(), receiver.summary().toString());
            assertEquals(tries.get(0).body(), tries.get(1).body(), "the same event, byte for byte");
            assertTrue(Duration.between(tries.get(0).at(), tries.get(1).at()).toMillis() >= 900,
                    "the retry waited the first backoff (1 s here): " + tries);
            assertTrue(portcullis.metric("application", "portcullis_webhooks_deliveries_total", "outcome", "retrying") > retrying);
        }
    }

    @Test
    void aHangingReceiverIsCutOffAtTheTimeoutAndTheDeliveryRetried(Portcullis portcullis) throws Exception {
        var tenant = portcullis.newTenant();
        String method = "dev.portcullis.webhooks.control.Courier.post";
        double timedOut = portcullis.metric("base", "ft_timeout_calls_total", "method", method, "timedOut", "true");
        try (Receiver receiver = Receiver.answering(n -> Receiver.HANG)) {
            String webhookId = register(portcullis, tenant.adminKey(), receiver.url(), "key.revoked").getString("id");
            try {
                String eventId = expect(portcullis.post("/v1/webhooks/" + webhookId + "/test", tenant.adminKey(), null), 202)
                        .string("event_id");
                Receiver.Received request = receiver.await(r -> eventId.equals(r.eventId()), SOON, "the test event");
                JsonObject cut = awaitDelivery(portcullis, tenant.adminKey(), webhookId,
                        row -> row.getString("outcome").equals("retrying"), "cut off");
                Instant noticed = Instant.now();
                assertEquals("no complete answer within 2000 ms", cut.getString("error"));
                assertTrue(cut.isNull("status_code"), cut.toString());
                long waited = Duration.between(request.at(), noticed).toMillis();
                assertTrue(waited >= 1900 && waited < 6000, "cut off at the 2 s timeout, not by the 10 s read timeout: " + waited + " ms");
                assertTrue(portcullis.metric("base", "ft_timeout_calls_total", "method", method, "timedOut", "true") > timedOut,
                        "Fault Tolerance's @Timeout cut it");
            } finally {
                // Stops the retries, which would keep the shared worker waiting 2 s each.
                expect(portcullis.delete("/v1/webhooks/" + webhookId, tenant.adminKey()), 204);
            }
        }
    }

    @Test
    void keyAndSecurityEventsAreEachDelivered(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        try (Receiver receiver = Receiver.answeringOk()) {
            register(portcullis, tenant.adminKey(), receiver.url(), "key.created", "key.rolled", "key.revoked", "user.locked",
                    "session.reuse_detected");
            String keyId = portcullis.newKey(tenant.adminKey(), "{\"name\":\"lifecycle\",\"role\":\"member\"}").string("id");
            expect(portcullis.post("/v1/keys/" + keyId + "/roll", tenant.adminKey(), "{}"), 200);
            expect(portcullis.delete("/v1/keys/" + keyId, tenant.adminKey()), 204);

            String reused = portcullis.newUser(tenant.adminKey(), "reuse@example.com", "a long passphrase", "member").string("id");
            String refresh = expect(portcullis.login("reuse@example.com", "a long passphrase", tenant.id()), 200).string("refresh_token");
            expect(portcullis.refresh(refresh), 200);
            assertEquals(401, portcullis.refresh(refresh).status(), "used twice");

            String locked = portcullis.newUser(tenant.adminKey(), "locked@example.com", "a long passphrase", "member").string("id");
            for (int i = 0; i < 5; i++) {
                portcullis.login("locked@example.com", "not the passphrase", tenant.id());
            }

            for (String type : List.of("key.created", "key.rolled", "key.revoked")) {
                assertEquals(keyId, receiver.awaitType(type, SOON).data().getString("key_id"), type);
            }
            assertEquals(reused, receiver.awaitType("session.reuse_detected", SOON).data().getString("user_id"));
            assertEquals(locked, receiver.awaitType("user.locked", SOON).data().getString("user_id"));
            for (Receiver.Received request : receiver.received()) {
                assertFalse(request.body().contains("sk_live_") || request.body().contains("passphrase"), "no secret: " + request.body());
            }
        }
    }

    @Test
    void quotaThresholdIsSentOnceAt80AndOnceAt100PercentOfTheDayQuotaUnderConcurrentRequests(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        try (Receiver receiver = Receiver.answeringOk()) {
            String webhookId = register(portcullis, tenant.adminKey(), receiver.url(), "quota.threshold").getString("id");
            // Limits of a key's own are the platform's to set.
            Reply key = portcullis.newKey(portcullis.adminKey(),
                    "{\"name\":\"metered\",\"role\":\"member\",\"rate_limit\":{\"per_minute\":1000,\"per_day\":10}}",
                    "X-Tenant-ID", tenant.id());
            String secret = key.string("key");

            // 16 at once against a day quota of 10: 10 admitted, 6 refused; the 8th and the 10th cross.
            Map<Integer, Integer> statuses = Concurrently.send(16, i -> HttpRequest.newBuilder(portcullis.uri("/v1/health"))
                    .header("Authorization", "Bearer " + secret).GET().build());
            assertEquals(Map.of(200, 10, 429, 6), statuses);

            receiver.await(r -> r.type().equals("quota.threshold") && r.data().getInt("threshold") == 100, SOON, "100 %");
            flush(portcullis, tenant.adminKey(), webhookId, receiver);
            List<Receiver.Received> thresholds = receiver.of("quota.threshold");
            assertEquals(2, thresholds.size(), receiver.summary().toString());
            JsonObject at80 = thresholds.stream().map(Receiver.Received::data).filter(d -> d.getInt("threshold") == 80).findFirst()
                    .orElseThrow(() -> new AssertionError("no 80 % in " + thresholds));
            assertEquals(key.string("id"), at80.getString("key_id"));
            assertEquals(10, at80.getInt("limit"));
            assertEquals(8, at80.getInt("used"));
        }
    }

    @Test
    void keyExpiringIsSentDaysBeforeExpiresAtAndKeyExpiredAfterEachOnce(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        try (Receiver receiver = Receiver.answeringOk()) {
            String webhookId = register(portcullis, tenant.adminKey(), receiver.url(), "key.expiring", "key.expired").getString("id");
            Instant now = Instant.parse(expect(portcullis.post("/v1/test-clock", portcullis.adminKey(), "{\"seconds\":0}"), 200)
                    .string("now"));
            String expiresAt = now.plus(Duration.ofDays(2)).toString();
            String keyId = portcullis.newKey(tenant.adminKey(), "{\"name\":\"short-lived\",\"role\":\"member\",\"expires_at\":\""
                    + expiresAt + "\"}").string("id");
            String later = portcullis.newKey(tenant.adminKey(), "{\"name\":\"long-lived\",\"role\":\"member\",\"expires_at\":\""
                    + now.plus(Duration.ofDays(30)) + "\"}").string("id");

            JsonObject expiring = receiver.await(r -> r.type().equals("key.expiring") && r.data().getString("key_id").equals(keyId),
                    SOON, "key.expiring").data();
            assertEquals(Instant.parse(expiresAt), Instant.parse(expiring.getString("expires_at")));

            portcullis.advanceClock(Duration.ofDays(3));
            receiver.await(r -> r.type().equals("key.expired") && r.data().getString("key_id").equals(keyId), SOON, "key.expired");
            flush(portcullis, tenant.adminKey(), webhookId, receiver);
            assertEquals(1, receiver.of("key.expiring").stream().filter(r -> r.data().getString("key_id").equals(keyId)).count());
            assertEquals(1, receiver.of("key.expired").size(), receiver.summary().toString());
            assertTrue(receiver.received().stream().noneMatch(r -> r.data().containsKey("key_id")
                    && r.data().getString("key_id").equals(later)), "the key of 30 days is not expiring yet");
        }
    }

    @Test
    void registrationValidatesTheUrlAndTheEventsAndEveryChangeIsAudited(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String admin = tenant.adminKey();
        Reply unknown = portcullis.post("/v1/webhooks", admin, "{\"url\":\"https://127.0.0.1/h\",\"events\":[\"key.exploded\"]}");
        assertEquals(400, unknown.status(), unknown.body());
        assertEquals("VALIDATION_FAILED", unknown.errorCode());
        assertEquals("events", unknown.error().getString("field"));
        assertTrue(unknown.error().getString("message").contains("key.exploded"), unknown.body());

        for (String body : List.of("{\"url\":\"ftp://127.0.0.1/h\",\"events\":[\"key.created\"]}",
                "{\"url\":\"not a url\",\"events\":[\"key.created\"]}", "{\"url\":\"https://user:pw@127.0.0.1/\",\"events\":[\"key.created\"]}",
                "{\"events\":[\"key.created\"]}")) {
            Reply refused = portcullis.post("/v1/webhooks", admin, body);
            assertEquals(400, refused.status(), body + " -> " + refused.body());
            assertEquals("url", refused.error().getString("field"), refused.body());
        }
        Reply noEvents = portcullis.post("/v1/webhooks", admin, "{\"url\":\"https://127.0.0.1/h\",\"events\":[]}");
        assertEquals(400, noEvents.status());
        assertEquals("events", noEvents.error().getString("field"));
        Reply testIsNoSubscription = portcullis.post("/v1/webhooks", admin, "{\"url\":\"https://127.0.0.1/h\",\"events\":[\"webhook.test\"]}");
        assertEquals(400, testIsNoSubscription.status());

        JsonObject created = register(portcullis, admin, "https://127.0.0.1:9/h", "key.created", "key.created", "user.locked");
        String id = created.getString("id");
        assertTrue(id.startsWith("wh_"), id);
        assertEquals(List.of("key.created", "user.locked"), created.getJsonArray("events").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        JsonObject changed = expect(portcullis.patch("/v1/webhooks/" + id, admin, "{\"events\":[\"key.revoked\"],\"enabled\":false}"), 200).json();
        assertEquals("key.revoked", changed.getJsonArray("events").getString(0));
        assertFalse(changed.getBoolean("enabled"));
        assertEquals(400, portcullis.patch("/v1/webhooks/" + id, admin, "{\"url\":\"gopher://127.0.0.1/\"}").status());
        assertEquals(1, portcullis.get("/v1/webhooks", admin).data().size());

        var other = portcullis.newTenant();
        assertEquals(404, portcullis.get("/v1/webhooks/" + id, other.adminKey()).status(), "another tenant's does not exist");
        assertEquals(404, portcullis.delete("/v1/webhooks/" + id, other.adminKey()).status());
        String member = portcullis.newKey(admin, "{\"name\":\"member\",\"role\":\"member\"}").string("key");
        assertEquals(403, portcullis.get("/v1/webhooks", member).status(), "tenant admins only");

        expect(portcullis.delete("/v1/webhooks/" + id, admin), 204);
        assertEquals(404, portcullis.get("/v1/webhooks/" + id, admin).status());
        assertEquals(404, portcullis.get("/v1/webhooks/" + id + "/deliveries", admin).status());

        Reply trail = expect(portcullis.get("/v1/audit-events?target=" + id, admin), 200);
        List<String> actions = new ArrayList<>();
        trail.data().forEach(record -> actions.add(record.asJsonObject().getString("action")));
        assertEquals(List.of("webhook.deleted", "webhook.updated", "webhook.created"), actions);
        assertFalse(trail.body().contains(created.getString("secret")), "the secret is in no record");
        assertNull(trail.data().getJsonObject(2).getJsonObject("changes").get("secret"));
    }
}
