package dev.portcullis.audit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.keys.control.KeyFormat;
import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.PortcullisTest;
import dev.portcullis.testing.Reply;
import dev.portcullis.testing.TestDatabase;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The audit trail: every change and security event recorded with its actor, target and fields; nothing secret; read back filtered and paged. */
@PortcullisTest
class AuditIT {

    private static final String CLIENT = "203.0.113.77";

    /** The client address and a request id of the test's choosing, as a TLS-terminating proxy on loopback would send them. */
    private static String[] from(String requestId) {
        return new String[] {"X-Forwarded-For", CLIENT, "X-Forwarded-Proto", "https", "X-Request-ID", requestId};
    }

    private static String requestId() {
        return "audit-" + UUID.randomUUID();
    }

    /** Every record of the tenant's trail, newest first, all pages. */
    private static List<JsonObject> trail(Portcullis portcullis, String reader, String query) {
        List<JsonObject> records = new ArrayList<>();
        String cursor = null;
        do {
            Reply page = portcullis.get("/v1/audit-events?limit=200" + query + (cursor == null ? "" : "&cursor=" + cursor), reader);
            assertEquals(200, page.status(), page.toString());
            page.data().forEach(record -> records.add(record.asJsonObject()));
            cursor = page.string("next_cursor");
        } while (cursor != null);
        return records;
    }

    private static JsonObject only(List<JsonObject> records, String action) {
        List<JsonObject> found = records.stream().filter(r -> r.getString("action").equals(action)).toList();
        assertEquals(1, found.size(), action + " in " + records);
        return found.get(0);
    }

    private static JsonObject byRequest(List<JsonObject> records, String requestId) {
        return records.stream().filter(r -> requestId.equals(r.getString("request_id", null))).findFirst()
                .orElseThrow(() -> new AssertionError("no record of request " + requestId + " in " + records));
    }

    @Test
    void eachKeyChangeIsRecordedWithItsActorAddressRequestTargetAndFields(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String create = requestId();
        Reply created = portcullis.newKey(tenant.adminKey(), "{\"name\":\"audited\",\"role\":\"member\",\"scopes\":[\"orders:read\"],\"credits\":{\"remaining\":1}}",
                from(create));
        String keyId = created.string("id");
        String update = requestId();
        assertEquals(200, portcullis.patch("/v1/keys/" + keyId, tenant.adminKey(), "{\"name\":\"renamed\"}", from(update)).status());
        String credits = requestId();
        assertEquals(200, portcullis.post("/v1/keys/" + keyId + "/credits", tenant.adminKey(), "{\"add\":5}", from(credits)).status());
        String roll = requestId();
        assertEquals(200, portcullis.post("/v1/keys/" + keyId + "/roll", tenant.adminKey(), "{}", from(roll)).status());
        String revoke = requestId();
        assertEquals(204, portcullis.delete("/v1/keys/" + keyId, tenant.adminKey(), from(revoke)).status());

        List<JsonObject> records = trail(portcullis, tenant.adminKey(), "&target=" + keyId);
        assertEquals(List.of("key.revoked", "key.rolled", "key.credits_added", "key.updated", "key.created"),
                records.stream().map(r -> r.getString("action")).toList(), "newest first");
        JsonObject creation = byRequest(records, create);
        assertEquals("key.created", creation.getString("action"));
        assertEquals(tenant.id(), creation.getString("tenant_id"));
        assertEquals("api_key", creation.getString("actor_type"));
        assertEquals(tenant.adminKeyId(), creation.getString("actor_id"));
        assertTrue(creation.isNull("actor_tenant_id"), "the actor acts for its own tenant");
        assertEquals(keyId, creation.getString("target_id"));
        assertEquals(CLIENT, creation.getString("client_address"));
        assertEquals("audited", creation.getJsonObject("changes").getString("name"));
        assertEquals("member", creation.getJsonObject("changes").getString("role"));
        assertEquals("orders:read", creation.getJsonObject("changes").getJsonArray("scopes").getString(0));
        assertNotNull(Instant.parse(creation.getString("occurred_at")));
        assertEquals(Map.of("name", "renamed"), byRequest(records, update).getJsonObject("changes").entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> ((jakarta.json.JsonString) e.getValue()).getString())),
                "only the fields the request changed");
        assertEquals(5, byRequest(records, credits).getJsonObject("changes").getInt("add"));
        assertEquals(keyId, byRequest(records, revoke).getString("target_id"));
        assertEquals(0, byRequest(records, revoke).getJsonObject("changes").size());
    }

    @Test
    void usersIdentitiesAndTheAllowlistAreRecordedAndAPasswordOnlyByName(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String userId = portcullis.newUser(tenant.adminKey(), "audited@example.com", "first password 123", "member").string("id");
        assertEquals(200, portcullis.patch("/v1/users/" + userId, tenant.adminKey(), "{\"password\":\"second password 456\"}").status());
        assertEquals(200, portcullis.patch("/v1/users/" + userId, tenant.adminKey(), "{\"role\":\"admin\"}").status());
        assertEquals(204, portcullis.delete("/v1/users/" + userId, tenant.adminKey()).status());
        Reply identity = portcullis.post("/v1/identities", tenant.adminKey(), "{\"external_id\":\"customer-1\"}");
        assertEquals(201, identity.status(), identity.toString());
        assertEquals(200, portcullis.post("/v1/auth/ip-allowlist", tenant.adminKey(), "{\"allowed_ips\":[\"10.1.0.0/16\"]}").status());
        assertEquals(204, portcullis.delete("/v1/auth/ip-allowlist", tenant.adminKey(), "X-Forwarded-For", "10.1.2.3",
                "X-Forwarded-Proto", "https").status(), "from an address the list allows");

        List<JsonObject> records = trail(portcullis, tenant.adminKey(), "");
        JsonObject userCreated = only(records, "user.created");
        assertEquals(userId, userCreated.getString("target_id"));
        assertEquals("audited@example.com", userCreated.getJsonObject("changes").getString("email"));
        assertEquals("[secret]", userCreated.getJsonObject("changes").getString("password"));
        List<JsonObject> updates = records.stream().filter(r -> r.getString("action").equals("user.updated")).toList();
        assertEquals(2, updates.size());
        assertEquals("admin", updates.get(0).getJsonObject("changes").getString("role"));
        assertEquals("[secret]", updates.get(1).getJsonObject("changes").getString("password"));
        assertEquals(userId, only(records, "user.deleted").getString("target_id"));
        assertEquals(identity.string("id"), only(records, "identity.created").getString("target_id"));
        JsonObject replaced = only(records, "allowlist.replaced");
        assertEquals(tenant.id(), replaced.getString("target_id"));
        assertEquals("10.1.0.0/16", replaced.getJsonObject("changes").getJsonArray("allowed_ips").getString(0));
        only(records, "allowlist.cleared");
    }

    @Test
    void aPlatformAdminActingForATenantIsRecordedWithItsOwnTenantAndTenantChangesGoToTheTenantsTrail(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String platformTenant = dev.portcullis.tenants.entity.Tenant.PLATFORM_ID;
        assertEquals(200, portcullis.patch("/v1/tenants/" + tenant.id(), portcullis.adminKey(), "{\"status\":\"suspended\"}").status());
        assertEquals(200, portcullis.patch("/v1/tenants/" + tenant.id(), portcullis.adminKey(), "{\"status\":\"active\"}").status());

        List<JsonObject> records = trail(portcullis, tenant.adminKey(), "");
        JsonObject adminKeyCreated = only(records, "key.created");
        assertEquals(tenant.adminKeyId(), adminKeyCreated.getString("target_id"));
        assertEquals(platformTenant, adminKeyCreated.getString("actor_tenant_id"), "acting with X-Tenant-ID");
        JsonObject tenantCreated = only(records, "tenant.created");
        assertEquals(tenant.id(), tenantCreated.getString("tenant_id"));
        assertEquals(tenant.id(), tenantCreated.getString("target_id"));
        only(records, "tenant.suspended");
        only(records, "tenant.reactivated");
        assertEquals(2, records.stream().filter(r -> r.getString("action").equals("tenant.updated")).count());
    }

    @Test
    void planChangesAreThePlatformsToReadAndATenantAdminReadsOnlyItsOwnTrail(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        var other = portcullis.newTenant();
        String plan = "audited-" + Long.toString(System.nanoTime(), 36);
        assertEquals(201, portcullis.post("/v1/plans", portcullis.adminKey(),
                "{\"name\":\"" + plan + "\",\"per_minute\":10,\"per_day\":100}").status());

        JsonObject planCreated = only(trail(portcullis, portcullis.adminKey(), "&target=" + plan), "plan.created");
        assertTrue(planCreated.isNull("tenant_id"));
        assertTrue(trail(portcullis, tenant.adminKey(), "&target=" + plan).isEmpty());
        Reply elsewhere = portcullis.get("/v1/audit-events?tenant_id=" + other.id(), tenant.adminKey());
        assertEquals(403, elsewhere.status(), elsewhere.toString());
        assertEquals("INSUFFICIENT_PERMISSIONS", elsewhere.errorCode());
        assertTrue(trail(portcullis, tenant.adminKey(), "").stream().allMatch(r -> tenant.id().equals(r.getString("tenant_id"))));
        assertFalse(trail(portcullis, portcullis.adminKey(), "&tenant_id=" + other.id()).isEmpty());
        assertTrue(trail(portcullis, portcullis.adminKey(), "&tenant_id=" + other.id()).stream()
                .allMatch(r -> other.id().equals(r.getString("tenant_id"))));
        Reply member = portcullis.get("/v1/audit-events", portcullis.newKey(tenant.adminKey(), "{\"name\":\"m\",\"role\":\"member\"}").string("key"));
        assertEquals(403, member.status(), "the trail is an admin's");
    }

    @Test
    void theTrailFiltersByActionActorAndTimeAndPagesNewestFirst(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        Instant before = Instant.parse(only(trail(portcullis, tenant.adminKey(), "&target=" + tenant.adminKeyId()), "key.created")
                .getString("occurred_at"));
        for (int i = 0; i < 5; i++) {
            portcullis.newKey(tenant.adminKey(), "{\"name\":\"paged " + i + "\"}");
        }
        List<String> names = new ArrayList<>();
        String cursor = null;
        do {
            Reply page = portcullis.get("/v1/audit-events?action=key.created&actor=" + tenant.adminKeyId() + "&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor), tenant.adminKey());
            assertEquals(200, page.status(), page.toString());
            assertTrue(page.data().size() <= 2);
            page.data().forEach(r -> names.add(r.asJsonObject().getJsonObject("changes").getString("name")));
            cursor = page.string("next_cursor");
        } while (cursor != null);
        assertEquals(List.of("paged 4", "paged 3", "paged 2", "paged 1", "paged 0"), names);
        assertTrue(trail(portcullis, tenant.adminKey(), "&action=key.revoked").isEmpty());
        assertEquals(5, trail(portcullis, tenant.adminKey(), "&action=key.created&from=" + before.plusMillis(1)).size(),
                "from is inclusive; the admin key came before");
        assertTrue(trail(portcullis, tenant.adminKey(), "&to=" + before).stream().noneMatch(r -> r.getString("action").equals("key.created")),
                "to is exclusive");
        Reply badTime = portcullis.get("/v1/audit-events?from=yesterday", tenant.adminKey());
        assertEquals(400, badTime.status());
        assertEquals("VALIDATION_FAILED", badTime.errorCode());
        assertEquals(400, portcullis.get("/v1/audit-events?cursor=nonsense", tenant.adminKey()).status());
    }

    @Test
    void loginsLockoutsAndARefreshTokenUsedTwiceAreRecorded(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String userId = portcullis.newUser(tenant.adminKey(), "events@example.com", "right password 123", "member").string("id");
        Reply login = portcullis.login("events@example.com", "right password 123", tenant.id());
        assertEquals(200, login.status());
        assertEquals(200, portcullis.refresh(login.string("refresh_token")).status());
        assertEquals(401, portcullis.refresh(login.string("refresh_token")).status(), "used twice");
        assertEquals(401, portcullis.login("nobody@example.com", "whatever password", tenant.id()).status());
        for (int i = 0; i < 5; i++) {
            assertEquals(401, portcullis.login("events@example.com", "wrong password " + i, tenant.id()).status());
        }

        List<JsonObject> records = trail(portcullis, tenant.adminKey(), "");
        JsonObject succeeded = only(records, "login.succeeded");
        assertEquals("user", succeeded.getString("actor_type"));
        assertEquals(userId, succeeded.getString("actor_id"));
        JsonObject reuse = only(records, "session.reuse_detected");
        assertEquals(userId, reuse.getString("target_id"));
        List<JsonObject> failed = records.stream().filter(r -> r.getString("action").equals("login.failed")).toList();
        assertEquals(6, failed.size());
        assertTrue(failed.stream().allMatch(r -> r.getString("actor_type").equals("anonymous")));
        JsonObject unknown = failed.get(failed.size() - 1);
        assertEquals("unknown_user", unknown.getJsonObject("changes").getString("reason"));
        assertTrue(unknown.isNull("target_id"));
        assertEquals("wrong_password", failed.get(0).getJsonObject("changes").getString("reason"));
        assertEquals(userId, failed.get(0).getString("target_id"));
        JsonObject locked = only(records, "user.locked");
        assertEquals(userId, locked.getString("target_id"));
        assertNotNull(Instant.parse(locked.getJsonObject("changes").getString("locked_until")));
    }

    @Test
    void aChangeThatFailsLeavesNoRecord(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        portcullis.newUser(tenant.adminKey(), "taken@example.com", "some password 123", "member");
        String duplicate = requestId();
        Reply refused = portcullis.post("/v1/users", tenant.adminKey(),
                "{\"email\":\"taken@example.com\",\"password\":\"other password 123\"}", from(duplicate));
        assertEquals(409, refused.status(), refused.toString());
        String unknownIdentity = requestId();
        Reply notFound = portcullis.patch("/v1/keys/" + tenant.adminKeyId(), tenant.adminKey(),
                "{\"name\":\"changed\",\"identity_id\":\"identity_doesnotexist\"}", from(unknownIdentity));
        assertTrue(notFound.status() >= 400, notFound.toString());
        assertEquals("Test tenant", portcullis.get("/v1/tenants/" + tenant.id(), portcullis.adminKey()).string("name"));
        List<JsonObject> records = trail(portcullis, tenant.adminKey(), "");
        assertTrue(records.stream().noneMatch(r -> duplicate.equals(r.getString("request_id", null))
                || unknownIdentity.equals(r.getString("request_id", null))), records.toString());
        assertEquals(1, records.stream().filter(r -> r.getString("action").equals("user.created")).count());
        assertEquals("tenant admin", portcullis.get("/v1/keys/" + tenant.adminKeyId(), tenant.adminKey()).string("name"),
                "nor any change");
    }

    @Test
    void noRecordHoldsAnyKeyTokenPasswordOrKeyHash(Portcullis portcullis) throws Exception {
        var tenant = portcullis.newTenant();
        List<String> secrets = new ArrayList<>(List.of(tenant.adminKey()));
        Reply key = portcullis.newKey(tenant.adminKey(), "{\"name\":\"secretive\"}");
        secrets.add(key.string("key"));
        secrets.add(portcullis.post("/v1/keys/" + key.string("id") + "/roll", tenant.adminKey(), "{}").string("key"));
        String userId = portcullis.newUser(tenant.adminKey(), "secretive@example.com", "password one 111", "admin").string("id");
        secrets.add("password one 111");
        assertEquals(200, portcullis.patch("/v1/users/" + userId, tenant.adminKey(), "{\"password\":\"password two 222\"}").status());
        secrets.add("password two 222");
        Reply login = portcullis.login("secretive@example.com", "password two 222", tenant.id());
        secrets.add(login.string("access_token"));
        secrets.add(login.string("refresh_token"));
        assertEquals(401, portcullis.login("secretive@example.com", "password three 333", tenant.id()).status());
        secrets.add("password three 333");
        assertEquals(200, portcullis.get("/v1/health", login.string("access_token")).status());
        List<String> hashes = secrets.stream().filter(s -> s.contains("_")).map(KeyFormat::hash).toList();

        String everything = trail(portcullis, portcullis.adminKey(), "").toString();
        assertTrue(everything.contains(tenant.id()), "the records were read");
        for (String secret : secrets) {
            assertFalse(everything.contains(secret), "a secret in the trail");
        }
        for (String hash : hashes) {
            assertFalse(everything.contains(hash), "a key hash in the trail");
        }
        if (TestDatabase.isPostgres()) {
            try (var connection = portcullis.server().openDatabase();
                 var rows = connection.createStatement().executeQuery("SELECT * FROM audit_events")) {
                StringBuilder table = new StringBuilder();
                while (rows.next()) {
                    for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                        table.append(rows.getString(column)).append('\n');
                    }
                }
                assertTrue(table.indexOf(tenant.id()) >= 0);
                for (String secret : secrets) {
                    assertTrue(table.indexOf(secret) < 0, "a secret in the table");
                }
                for (String hash : hashes) {
                    assertTrue(table.indexOf(hash) < 0, "a key hash in the table");
                }
            }
        }
    }

    @Test
    void recordsPastTheRetentionArePurgedAndNewerOnesKept(Portcullis portcullis) throws InterruptedException {
        // The shared server keeps records two days and purges every second.
        var tenant = portcullis.newTenant();
        String old = portcullis.newKey(tenant.adminKey(), "{\"name\":\"old\"}").string("id");
        portcullis.advanceClock(Duration.ofDays(3));
        String recent = portcullis.newKey(tenant.adminKey(), "{\"name\":\"recent\"}").string("id");
        await("the old record purged").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> trail(portcullis, tenant.adminKey(), "&target=" + old).isEmpty());
        assertEquals(1, trail(portcullis, tenant.adminKey(), "&target=" + recent).size());
    }
}
