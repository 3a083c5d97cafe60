package dev.portcullis.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.PortcullisTest;
import dev.portcullis.testing.Reply;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@PortcullisTest
class ApiKeyLifecycleIT {

    @Test
    void aKeyWorksFromCreationUntilRevokedThenGets401OnItsVeryNextRequest(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        Reply created = portcullis.newKey(tenant.adminKey(), "{\"name\":\"worker\",\"role\":\"member\"}");
        String key = created.string("key");
        String id = created.string("id");
        assertTrue(key.startsWith("sk_live_"), key);
        assertTrue(id.startsWith("key_"), id);
        assertEquals("/v1/keys/" + id, portcullis.uri(created.header("Location")).getPath());

        Reply health = portcullis.get("/v1/health", key);
        assertEquals(200, health.status());
        assertEquals(tenant.id(), health.string("tenant_id"));

        assertEquals(204, portcullis.delete("/v1/keys/" + id, tenant.adminKey()).status());

        Reply after = portcullis.get("/v1/health", key);
        assertEquals(401, after.status());
        assertEquals("INVALID_API_KEY", after.errorCode());
        assertEquals("revoked", portcullis.get("/v1/keys/" + id, tenant.adminKey()).string("status"));
    }

    @Test
    void revokingAnAlreadyRevokedKeyIsHarmless(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String id = portcullis.newKey(tenant.adminKey(), "{\"name\":\"x\"}").string("id");
        assertEquals(204, portcullis.delete("/v1/keys/" + id, tenant.adminKey()).status());
        assertEquals(204, portcullis.delete("/v1/keys/" + id, tenant.adminKey()).status());
    }

    @Test
    void theSecretIsShownOnlyInTheCreateResponse(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        Reply created = portcullis.newKey(tenant.adminKey(), "{\"name\":\"shown once\"}");
        String key = created.string("key");
        String id = created.string("id");

        Reply one = portcullis.get("/v1/keys/" + id, tenant.adminKey());
        Reply list = portcullis.get("/v1/keys", tenant.adminKey());
        for (Reply reply : new Reply[] {one, list}) {
            assertEquals(200, reply.status());
            assertFalse(reply.body().contains(key), reply.body());
            assertFalse(reply.body().contains(key.substring(8, 40)), "no part of the secret: " + reply.body());
        }
        assertFalse(one.json().containsKey("key"));
        assertEquals("sk_live_", one.string("prefix"));
        assertEquals(key.substring(key.length() - 4), one.string("last4"));
        JsonObject listed = list.data().stream().map(JsonObject.class::cast)
                .filter(k -> k.getString("id").equals(id)).findFirst().orElseThrow();
        assertFalse(listed.containsKey("key"));
    }

    @Test
    void keysAndTheBootstrapKeyNeverAppearInTheServerLog(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String key = portcullis.newKey(tenant.adminKey(), "{\"name\":\"secret\"}").string("key");
        portcullis.get("/v1/health", key);
        portcullis.get("/v1/health", key.substring(0, key.length() - 1) + "x");
        String log = portcullis.server().logText();
        assertFalse(log.contains(key.substring(8)), "the key's secret is in the log");
        assertFalse(log.contains(tenant.adminKey().substring(8)), "a tenant admin key is in the log");
        assertFalse(log.contains(portcullis.adminKey().substring(8)), "the configured bootstrap key is in the log");
    }

    @Test
    void listsArePagedWithACursor(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        for (int i = 0; i < 4; i++) {
            portcullis.newKey(tenant.adminKey(), "{\"name\":\"k" + i + "\"}");
        }
        Reply first = portcullis.get("/v1/keys?limit=2", tenant.adminKey());
        assertEquals(2, first.data().size());
        String cursor = first.string("next_cursor");
        assertNotNull(cursor);
        Reply second = portcullis.get("/v1/keys?limit=2&cursor=" + cursor, tenant.adminKey());
        Reply third = portcullis.get("/v1/keys?limit=2&cursor=" + second.string("next_cursor"), tenant.adminKey());
        assertEquals(2, second.data().size());
        assertEquals(1, third.data().size(), "five keys: the tenant's admin key and four more");
        assertNull(third.string("next_cursor"));
        assertEquals(400, portcullis.get("/v1/keys?cursor=not-a-cursor", tenant.adminKey()).status());
        assertEquals(400, portcullis.get("/v1/keys?limit=0", tenant.adminKey()).status());
    }

    @Test
    void aKeyCanBeRenamed(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String id = portcullis.newKey(tenant.adminKey(), "{\"name\":\"before\"}").string("id");
        Reply renamed = portcullis.patch("/v1/keys/" + id, tenant.adminKey(), "{\"name\":\"after\"}");
        assertEquals(200, renamed.status());
        assertEquals("after", renamed.string("name"));
        assertEquals("after", portcullis.get("/v1/keys/" + id, tenant.adminKey()).string("name"));
    }

    @Test
    void anExpiredKeyGets401OnItsNextRequest(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        Instant serverNow = Instant.parse(portcullis.get("/v1/health", null).string("timestamp"));
        String expiresAt = serverNow.plus(Duration.ofHours(1)).toString();
        Reply created = portcullis.newKey(tenant.adminKey(), "{\"name\":\"short\",\"expires_at\":\"" + expiresAt + "\"}");
        String key = created.string("key");
        assertEquals(200, portcullis.get("/v1/health", key).status());

        portcullis.advanceClock(Duration.ofHours(1).plusSeconds(2));

        Reply expired = portcullis.get("/v1/health", key);
        assertEquals(401, expired.status());
        assertEquals("INVALID_API_KEY", expired.errorCode());
        assertEquals("expired", portcullis.get("/v1/keys/" + created.string("id"), tenant.adminKey()).string("status"));
    }

    @Test
    void anExpiryInThePastIsRefused(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        Reply refused = portcullis.post("/v1/keys", tenant.adminKey(), "{\"name\":\"x\",\"expires_at\":\"2001-01-01T00:00:00Z\"}");
        assertEquals(400, refused.status());
        assertEquals("expires_at", refused.error().getString("field"));
    }

    @Test
    void tenantKeysAreBoundToTheirTenantByTheirFormat(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        Reply created = portcullis.newKey(tenant.adminKey(), "{\"name\":\"tk\",\"type\":\"tenant\"}");
        String key = created.string("key");
        assertTrue(key.startsWith("tk_" + tenant.id() + "_"), key);
        assertEquals(tenant.id(), portcullis.get("/v1/health", key).string("tenant_id"));
    }
}
