package dev.portcullis.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.PortcullisTest;
import dev.portcullis.testing.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/keys/verify}: a backend holding a key of its own asks about a key its client sent. */
@PortcullisTest
class KeyVerificationIT {

    private static final String VERIFY = "/v1/keys/verify";

    private static JsonObject verdict(Portcullis portcullis, String verifier, String body, String... headers) {
        Reply reply = portcullis.post(VERIFY, verifier, body, headers);
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    private static JsonObject verdictOn(Portcullis portcullis, String verifier, String key, String... headers) {
        return verdict(portcullis, verifier, "{\"key\":\"" + key + "\"}", headers);
    }

    private static void refused(JsonObject verdict, String code) {
        assertFalse(verdict.getBoolean("valid"), verdict.toString());
        assertEquals(code, verdict.getString("code"), verdict.toString());
        assertFalse(verdict.containsKey("key_id") || verdict.containsKey("tenant_id") || verdict.containsKey("role"),
                "a refusal tells nothing of the key: " + verdict);
    }

    @Test
    void aValidKeyIsNamedAndChargedSharingItsBudgetWithItsOwnCalls(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        Reply key = portcullis.newKey(tenant.adminKey(), "{\"name\":\"client\",\"role\":\"member\",\"environment\":\"test\","
                + "\"scopes\":[\"files:read\"],\"rate_limit\":{\"per_minute\":3}}");

        JsonObject first = verdictOn(portcullis, tenant.adminKey(), key.string("key"));

        assertTrue(first.getBoolean("valid"), first.toString());
        assertEquals(key.string("id"), first.getString("key_id"));
        assertEquals(tenant.id(), first.getString("tenant_id"));
        assertEquals("secret", first.getString("type"));
        assertEquals("member", first.getString("role"));
        assertEquals("test", first.getString("environment"));
        assertEquals(List.of("files:read"), first.getJsonArray("scopes").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList());
        assertEquals(3, first.getJsonObject("rate_limit").getInt("limit"));
        assertEquals(2, first.getJsonObject("rate_limit").getInt("remaining"));
        assertFalse(first.containsKey("code"));

        assertEquals(200, portcullis.get("/v1/health", key.string("key")).status());
        assertEquals(0, verdictOn(portcullis, tenant.adminKey(), key.string("key")).getJsonObject("rate_limit").getInt("remaining"));
        JsonObject spent = verdictOn(portcullis, tenant.adminKey(), key.string("key"));
        assertFalse(spent.getBoolean("valid"));
        assertEquals("RATE_LIMIT_EXCEEDED", spent.getString("code"));
        assertTrue(spent.getInt("retry_after") >= 1, spent.toString());
        assertEquals(0, spent.getJsonObject("rate_limit").getInt("remaining"));
        assertEquals(429, portcullis.get("/v1/health", key.string("key")).status(), "the verifications spent the key's minute");
    }

    @Test
    void bothWaysOfAskingRunNoDatabaseQueryForKeysTheServerHasSeen(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String key = portcullis.newKey(tenant.adminKey(), "{\"name\":\"hot\"}").string("key");
        assertTrue(verdictOn(portcullis, tenant.adminKey(), key).getBoolean("valid"));
        assertEquals(200, portcullis.get("/v1/auth/verify", key).status());

        long before = portcullis.statementsDuringRequests();
        for (int i = 0; i < 10; i++) {
            assertTrue(verdictOn(portcullis, tenant.adminKey(), key).getBoolean("valid"));
            assertEquals(200, portcullis.get("/v1/auth/verify", key).status());
        }
        assertEquals(before, portcullis.statementsDuringRequests());
    }

    @Test
    void keysTheVerifierMayNotSeeAreAnsweredAsIfTheyDidNotExist(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        var other = portcullis.newTenant();
        String othersKey = portcullis.newKey(other.adminKey(), "{\"name\":\"theirs\"}").string("key");
        Reply revoked = portcullis.newKey(tenant.adminKey(), "{\"name\":\"gone\"}");
        portcullis.delete("/v1/keys/" + revoked.string("id"), tenant.adminKey());
        String testAdmin = portcullis.newKey(tenant.adminKey(), "{\"name\":\"sandbox\",\"role\":\"admin\",\"environment\":\"test\"}")
                .string("key");
        String liveKey = portcullis.newKey(tenant.adminKey(), "{\"name\":\"live\"}").string("key");

        refused(verdictOn(portcullis, tenant.adminKey(), othersKey), "INVALID_API_KEY");
        refused(verdictOn(portcullis, tenant.adminKey(), revoked.string("key")), "INVALID_API_KEY");
        refused(verdictOn(portcullis, tenant.adminKey(), "sk_live_not-a-key"), "INVALID_API_KEY");
        refused(verdictOn(portcullis, tenant.adminKey(), "x".repeat(500)), "INVALID_API_KEY");
        refused(verdictOn(portcullis, testAdmin, liveKey), "INVALID_API_KEY");
        assertTrue(verdictOn(portcullis, tenant.adminKey(), liveKey).getBoolean("valid"));

        assertTrue(verdictOn(portcullis, portcullis.adminKey(), othersKey).getBoolean("valid"),
                "the platform admin verifies every tenant's keys");
        refused(verdictOn(portcullis, portcullis.adminKey(), othersKey, "X-Tenant-ID", tenant.id()), "INVALID_API_KEY");
    }

    @Test
    void allowlistsAreCheckedForTheClientAddressTheVerifierGives(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String office = portcullis.newKey(tenant.adminKey(), "{\"name\":\"office\",\"allowed_ips\":[\"198.51.100.0/24\"]}")
                .string("key");
        String open = portcullis.newKey(tenant.adminKey(), "{\"name\":\"open\"}").string("key");

        assertTrue(verdict(portcullis, tenant.adminKey(), "{\"key\":\"" + office + "\",\"client_ip\":\"198.51.100.20\"}")
                .getBoolean("valid"));
        refused(verdict(portcullis, tenant.adminKey(), "{\"key\":\"" + office + "\",\"client_ip\":\"203.0.113.1\"}"),
                "IP_NOT_ALLOWED");
        refused(verdictOn(portcullis, tenant.adminKey(), office), "IP_NOT_ALLOWED");
        assertTrue(verdictOn(portcullis, tenant.adminKey(), open).getBoolean("valid"), "no list, no address needed");

        Reply bad = portcullis.post(VERIFY, tenant.adminKey(), "{\"key\":\"" + open + "\",\"client_ip\":\"example.com\"}");
        assertEquals(400, bad.status(), bad.toString());
        assertEquals("client_ip", bad.error().getString("field"));
        Reply missing = portcullis.post(VERIFY, tenant.adminKey(), "{}");
        assertEquals(400, missing.status(), missing.toString());
        assertEquals("key", missing.error().getString("field"));

        portcullis.patch("/v1/tenants/" + tenant.id(), portcullis.adminKey(), "{\"status\":\"suspended\"}");
        refused(verdictOn(portcullis, portcullis.adminKey(), open), "TENANT_SUSPENDED");
    }

    @Test
    void aRouteRestrictedKeyIsValidOnlyForAMethodAndPathOfItsRoutesAndRefusalsSpendNothing(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String key = portcullis.newKey(tenant.adminKey(),
                "{\"name\":\"rubrics\",\"allowed_routes\":[\"GET /v1/rubrics/**\"],\"rate_limit\":{\"per_minute\":5}}").string("key");
        String open = portcullis.newKey(tenant.adminKey(), "{\"name\":\"open\"}").string("key");

        JsonObject allowed = verdict(portcullis, tenant.adminKey(),
                "{\"key\":\"" + key + "\",\"method\":\"GET\",\"path\":\"/v1/rubrics/7?page=2\"}");
        assertTrue(allowed.getBoolean("valid"), allowed.toString());
        assertEquals(4, allowed.getJsonObject("rate_limit").getInt("remaining"));
        refused(verdict(portcullis, tenant.adminKey(), "{\"key\":\"" + key + "\",\"method\":\"DELETE\",\"path\":\"/v1/rubrics/7\"}"),
                "INSUFFICIENT_PERMISSIONS");
        refused(verdict(portcullis, tenant.adminKey(), "{\"key\":\"" + key + "\",\"method\":\"GET\",\"path\":\"/v1/rubrics/%2e%2e/admin\"}"),
                "INSUFFICIENT_PERMISSIONS");
        refused(verdictOn(portcullis, tenant.adminKey(), key), "INSUFFICIENT_PERMISSIONS");
        JsonObject again = verdict(portcullis, tenant.adminKey(), "{\"key\":\"" + key + "\",\"method\":\"get\",\"path\":\"/v1/rubrics\"}");
        assertEquals(3, again.getJsonObject("rate_limit").getInt("remaining"), "the three refusals spent nothing: " + again);
        assertTrue(verdict(portcullis, tenant.adminKey(), "{\"key\":\"" + open + "\",\"method\":\"PUT\",\"path\":\"/anything\"}")
                .getBoolean("valid"), "an unrestricted key is valid for any route");

        Reply tooLong = portcullis.post(VERIFY, tenant.adminKey(), "{\"key\":\"" + open + "\",\"method\":\"" + "X".repeat(33) + "\"}");
        assertEquals(400, tooLong.status(), tooLong.toString());
        assertEquals("method", tooLong.error().getString("field"));
    }

    @Test
    void aKeyScopedToVerifyingDoesThatAndNothingElseAndMembersMayNot(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String verifier = portcullis.newKey(tenant.adminKey(), "{\"name\":\"backend\",\"role\":\"admin\",\"scopes\":[\"keys:verify\"]}")
                .string("key");
        String member = portcullis.newKey(tenant.adminKey(), "{\"name\":\"member\",\"role\":\"member\"}").string("key");

        assertTrue(verdictOn(portcullis, verifier, member).getBoolean("valid"));
        Reply listing = portcullis.get("/v1/keys", verifier);
        assertEquals(403, listing.status(), listing.toString());
        assertEquals("keys:read", listing.error().getString("required_scope"));
        Reply byMember = portcullis.post(VERIFY, member, "{\"key\":\"" + verifier + "\"}");
        assertEquals(403, byMember.status(), byMember.toString());
        assertEquals("admin", byMember.error().getString("required_role"));
    }
}
