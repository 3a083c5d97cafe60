package dev.portcullis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portcullis.access.Environment;
import dev.portcullis.keys.control.KeyFormat;
import dev.portcullis.keys.entity.KeyType;
import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.PortcullisTest;
import dev.portcullis.testing.Reply;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

@PortcullisTest
class AuthenticationIT {

    private static final String SEED_BODY_CODE = "INVALID_API_KEY";
    private static final String SEED_MESSAGE = "Invalid or expired API key";

    @Test
    void missingMalformedUnknownAndRevokedKeysAllGetTheSeedsIdentical401(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        Reply created = portcullis.newKey(tenant.adminKey(), "{\"name\":\"soon revoked\"}");
        portcullis.delete("/v1/keys/" + created.string("id"), tenant.adminKey());
        String wellFormedButUnknown = new KeyFormat("sk", "tk").generate(KeyType.SECRET, Environment.LIVE, null);

        Reply missing = portcullis.get("/v1/keys", null);
        Reply malformed = portcullis.get("/v1/keys", "sk_live_1234567890abcdef");
        Reply unknown = portcullis.get("/v1/keys", wellFormedButUnknown);
        Reply revoked = portcullis.get("/v1/keys", created.string("key"));
        Reply basic = portcullis.get("/v1/keys", null, "Authorization", "Basic dXNlcjpwYXNz");
        Reply emptyBearer = portcullis.get("/v1/keys", null, "Authorization", "Bearer ");
        for (Reply reply : new Reply[] {missing, malformed, unknown, revoked, basic, emptyBearer}) {
            assertEquals(401, reply.status(), reply.toString());
            JsonObject error = reply.error();
            assertEquals(SEED_BODY_CODE, error.getString("code"));
            assertEquals(SEED_MESSAGE, error.getString("message"));
            assertEquals(3, error.size(), "code, message and request_id only: " + error);
            assertEquals("Bearer", reply.header("WWW-Authenticate"));
        }
    }

    @Test
    void aKeyWhoseChecksumFailsIsRejectedWithoutAnyDatabaseQuery(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String key = portcullis.newKey(tenant.adminKey(), "{\"name\":\"typo source\"}").string("key");
        String typo = key.substring(0, 12) + (key.charAt(12) == 'A' ? 'B' : 'A') + key.substring(13);

        long before = portcullis.statementsDuringRequests();
        for (int i = 0; i < 25; i++) {
            assertEquals(401, portcullis.get("/v1/health", typo).status());
        }
        assertEquals(before, portcullis.statementsDuringRequests());
    }

    @Test
    void aKnownKeyIsServedWithoutAnyDatabaseQueryOnceCached(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String key = portcullis.newKey(tenant.adminKey(), "{\"name\":\"hot\"}").string("key");
        assertEquals(200, portcullis.get("/v1/health", key).status());

        long before = portcullis.statementsDuringRequests();
        for (int i = 0; i < 25; i++) {
            assertEquals(200, portcullis.get("/v1/health", key).status());
        }
        assertEquals(before, portcullis.statementsDuringRequests());
    }

    @Test
    void theBearerSchemeIsCaseInsensitive(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        Reply reply = portcullis.get("/v1/health", null, "Authorization", "bearer " + tenant.adminKey());
        assertEquals(tenant.id(), reply.string("tenant_id"));
    }

    @Test
    void theConfiguredBootstrapKeyIsThePlatformAdminKey(Portcullis portcullis) {
        Reply reply = portcullis.get("/v1/health", portcullis.adminKey());
        assertEquals("tenant_platform", reply.string("tenant_id"));
        assertEquals(201, portcullis.post("/v1/tenants", portcullis.adminKey(), "{\"name\":\"by bootstrap key\"}").status());
    }
}
