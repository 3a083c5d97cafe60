package dev.portcullis.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.PortcullisTest;
import dev.portcullis.testing.Reply;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * What keys carry for the business behind them: metadata and the owner's id, identities whose keys share
 * limits, named limits decided with the windows, and keys disabled and enabled again.
 */
@PortcullisTest
class KeyOwnersAndLimitsIT {

    @Test
    void metaAndExternalIdAreKeptReturnedFilteredAndPassedToGateways(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        var created = portcullis.newKey(tenant.adminKey(),
                "{\"name\":\"acme's\",\"external_id\":\"acme-7\",\"meta\":{\"plan\":\"gold\",\"seats\":3}}");
        portcullis.newKey(tenant.adminKey(), "{\"name\":\"other\",\"external_id\":\"other-1\"}");
        String key = created.string("key");
        String path = "/v1/keys/" + created.string("id");
        JsonObject read = portcullis.get(path, tenant.adminKey()).json();
        assertEquals("acme-7", read.getString("external_id"));
        assertEquals("gold", read.getJsonObject("meta").getString("plan"));

        var owned = portcullis.get("/v1/keys?external_id=acme-7", tenant.adminKey()).data();
        assertEquals(1, owned.size());
        assertEquals(created.string("id"), owned.getJsonObject(0).getString("id"));

        assertEquals(200, portcullis.patch(path, tenant.adminKey(), "{\"meta\":{\"plan\":\"platinum\"},\"external_id\":\"acme-8\"}").status());
        JsonObject verdict = portcullis.post("/v1/keys/verify", tenant.adminKey(), "{\"key\":\"" + key + "\"}").json();
        assertEquals("acme-8", verdict.getString("external_id"));
        assertEquals("platinum", verdict.getJsonObject("meta").getString("plan"));
        assertEquals("acme-8", portcullis.get("/v1/auth/verify", key).header("X-Portcullis-External-ID"));

        Reply tooBig = portcullis.patch(path, tenant.adminKey(), "{\"meta\":{\"blob\":\"" + "x".repeat(5000) + "\"}}");
        assertEquals(400, tooBig.status());
        assertEquals("meta", tooBig.error().getString("field"));
    }

    @Test
    void aDisabledKeyIsRefusedWithItsOwnCodeUntilEnabledAgain(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        var created = portcullis.newKey(tenant.adminKey(), "{\"name\":\"paused\"}");
        String key = created.string("key");
        String path = "/v1/keys/" + created.string("id");
        assertEquals(200, portcullis.get("/v1/health", key).status());

        assertEquals(false, portcullis.patch(path, tenant.adminKey(), "{\"enabled\":false}").json().getBoolean("enabled"));
        Reply refused = portcullis.get("/v1/health", key);
        assertEquals(403, refused.status());
        assertEquals("KEY_DISABLED", refused.errorCode());
        assertEquals("KEY_DISABLED", portcullis.post("/v1/keys/verify", tenant.adminKey(), "{\"key\":\"" + key + "\"}")
                .json().getString("code"));
        assertEquals("active", portcullis.get(path, tenant.adminKey()).string("status"), "disabled is not revoked");

        portcullis.patch(path, tenant.adminKey(), "{\"enabled\":true}");
        assertEquals(200, portcullis.get("/v1/health", key).status(), "enabled again");
    }

    @Test
    void theKeysOfAnIdentityShareItsLimits(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        Reply identity = portcullis.post("/v1/identities", tenant.adminKey(),
                "{\"external_id\":\"customer-9\",\"meta\":{\"tier\":\"b\"},\"rate_limit\":{\"per_day\":3}}");
        assertEquals(201, identity.status(), identity.toString());
        String id = identity.string("id");
        String first = portcullis.newKey(tenant.adminKey(), "{\"name\":\"a\",\"identity_id\":\"" + id + "\"}").string("key");
        String second = portcullis.newKey(tenant.adminKey(), "{\"name\":\"b\",\"identity_id\":\"" + id + "\"}").string("key");

        assertEquals(200, portcullis.get("/v1/health", first).status());
        assertEquals(200, portcullis.get("/v1/health", second).status());
        Reply third = portcullis.get("/v1/health", first);
        assertEquals(200, third.status());
        Reply refused = portcullis.get("/v1/health", second);
        assertEquals(429, refused.status(), "the fourth of the identity's three, though the second key's second");
        assertTrue(refused.header("RateLimit-Policy").contains("\"identity:day\";q=3"), refused.header("RateLimit-Policy"));

        assertEquals(1, portcullis.get("/v1/identities?external_id=customer-9", tenant.adminKey()).data().size());
        assertEquals(409, portcullis.delete("/v1/identities/" + id, tenant.adminKey()).status(), "its keys are still in it");
        Reply other = portcullis.post("/v1/identities", tenant.adminKey(), "{\"external_id\":\"customer-9\"}");
        assertEquals(409, other.status(), "one identity per external_id");
    }

    @Test
    void namedLimitsAreDecidedWithTheWindowsAndAllOrNothing(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String key = portcullis.newKey(tenant.adminKey(),
                "{\"name\":\"llm\",\"rate_limit\":{\"per_minute\":5},\"rate_limits\":[{\"name\":\"tokens\",\"limit\":1000,\"duration\":\"PT1H\"}]}")
                .string("key");
        String spend = "{\"key\":\"" + key + "\",\"rate_limits\":[{\"name\":\"tokens\",\"cost\":600}]}";
        JsonObject first = portcullis.post("/v1/keys/verify", tenant.adminKey(), spend).json();
        assertEquals(true, first.getBoolean("valid"), first.toString());
        JsonObject tokens = first.getJsonArray("limits").getValuesAs(JsonObject.class).stream()
                .filter(limit -> limit.getString("name").equals("tokens")).findFirst().orElseThrow();
        assertEquals(400, tokens.getInt("remaining"));

        JsonObject refused = portcullis.post("/v1/keys/verify", tenant.adminKey(), spend).json();
        assertEquals(false, refused.getBoolean("valid"));
        assertEquals("RATE_LIMIT_EXCEEDED", refused.getString("code"));
        JsonObject minute = refused.getJsonArray("limits").getValuesAs(JsonObject.class).stream()
                .filter(limit -> limit.getString("name").equals("minute")).findFirst().orElseThrow();
        assertEquals(4, minute.getInt("remaining"), "the refusal by tokens spent none of the minute");
    }
}
