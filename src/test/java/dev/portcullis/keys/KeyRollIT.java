package dev.portcullis.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.PortcullisTest;
import dev.portcullis.testing.Reply;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@PortcullisTest
class KeyRollIT {

    @Test
    void rollingWithoutGraceEndsTheOldSecretAtOnceAndKeepsTheKey(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        Reply created = portcullis.newKey(tenant.adminKey(),
                "{\"name\":\"rolled\",\"role\":\"member\",\"scopes\":[\"files:read\"],\"rate_limit\":{\"per_minute\":7}}");
        String id = created.string("id");
        String old = created.string("key");

        Reply rolled = portcullis.post("/v1/keys/" + id + "/roll", tenant.adminKey(), "{}");
        assertEquals(200, rolled.status(), rolled.toString());
        String fresh = rolled.string("key");
        assertNotEquals(old, fresh);
        assertEquals(id, rolled.string("id"));
        assertEquals("rolled", rolled.string("name"));
        assertEquals("files:read", rolled.json().getJsonArray("scopes").getString(0));

        assertEquals(401, portcullis.get("/v1/health", old).status());
        Reply withNew = portcullis.get("/v1/health", fresh);
        assertEquals(200, withNew.status());
        assertEquals("7", withNew.header("X-RateLimit-Limit"), "same settings");
        assertTrue(!portcullis.get("/v1/keys/" + id, tenant.adminKey()).body().contains(fresh), "shown once");
    }

    @Test
    void rollingWithGraceKeepsTheOldSecretUntilTheGraceEnds(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        Reply created = portcullis.newKey(tenant.adminKey(), "{\"name\":\"graceful\"}");
        String old = created.string("key");
        Reply rolled = portcullis.post("/v1/keys/" + created.string("id") + "/roll", tenant.adminKey(), "{\"grace_period_seconds\":3600}");
        assertNotNull(rolled.string("previous_key_valid_until"));
        Instant until = Instant.parse(rolled.string("previous_key_valid_until"));

        assertEquals(200, portcullis.get("/v1/health", old).status(), "still in grace");
        assertEquals(200, portcullis.get("/v1/health", rolled.string("key")).status());

        portcullis.advanceClock(Duration.ofSeconds(3601));
        assertTrue(Instant.parse(portcullis.get("/v1/health", null).string("timestamp")).isAfter(until));
        assertEquals(401, portcullis.get("/v1/health", old).status(), "grace is over");
        assertEquals(200, portcullis.get("/v1/health", rolled.string("key")).status());
    }

    @Test
    void revokingDuringGraceEndsBothSecrets(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        Reply created = portcullis.newKey(tenant.adminKey(), "{\"name\":\"revoked in grace\"}");
        Reply rolled = portcullis.post("/v1/keys/" + created.string("id") + "/roll", tenant.adminKey(), "{\"grace_period_seconds\":600}");
        assertEquals(200, portcullis.get("/v1/health", created.string("key")).status());
        portcullis.delete("/v1/keys/" + created.string("id"), tenant.adminKey());
        assertEquals(401, portcullis.get("/v1/health", created.string("key")).status());
        assertEquals(401, portcullis.get("/v1/health", rolled.string("key")).status());
    }

    @Test
    void graceIsZeroToSevenDays(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String id = portcullis.newKey(tenant.adminKey(), "{\"name\":\"g\"}").string("id");
        assertEquals(400, portcullis.post("/v1/keys/" + id + "/roll", tenant.adminKey(), "{\"grace_period_seconds\":604801}").status());
        assertEquals(400, portcullis.post("/v1/keys/" + id + "/roll", tenant.adminKey(), "{\"grace_period_seconds\":-1}").status());
        assertEquals(200, portcullis.post("/v1/keys/" + id + "/roll", tenant.adminKey(), "{\"grace_period_seconds\":604800}").status());
        assertEquals(404, portcullis.post("/v1/keys/key_nope/roll", tenant.adminKey(), "{}").status());
    }

    @Test
    void aRolledTenantKeyStaysBoundToItsTenant(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        Reply created = portcullis.newKey(tenant.adminKey(), "{\"name\":\"tk\",\"type\":\"tenant\"}");
        String fresh = portcullis.post("/v1/keys/" + created.string("id") + "/roll", tenant.adminKey(), "{}").string("key");
        assertTrue(fresh.startsWith("tk_" + tenant.id() + "_"), fresh);
    }

    @Test
    void anExpiryCanBeSetLaterAndEndsTheKey(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        Reply created = portcullis.newKey(tenant.adminKey(), "{\"name\":\"later\"}");
        Instant now = Instant.parse(portcullis.get("/v1/health", null).string("timestamp"));
        Reply patched = portcullis.patch("/v1/keys/" + created.string("id"), tenant.adminKey(),
                "{\"expires_at\":\"" + now.plusSeconds(120) + "\"}");
        assertEquals(200, patched.status());
        assertEquals(200, portcullis.get("/v1/health", created.string("key")).status());
        portcullis.advanceClock(Duration.ofSeconds(125));
        assertEquals(401, portcullis.get("/v1/health", created.string("key")).status());
    }
}
