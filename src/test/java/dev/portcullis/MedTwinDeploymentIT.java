package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.access.Environment;
import dev.portcullis.keys.control.KeyFormat;
import dev.portcullis.keys.entity.KeyType;
import dev.portcullis.testing.DatabaseIndependent;
import dev.portcullis.testing.OwnServer;
import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A server set up as the MedTWIN seed describes its API, from the first start on: its key family
 * ({@code KEYS_PREFIX=mt}) and its flat error bodies ({@code ERRORS_STYLE=medtwin}).
 */
@DatabaseIndependent
class MedTwinDeploymentIT {

    @RegisterExtension
    static final OwnServer MEDTWIN = OwnServer.withSettings("medtwin", Map.of("KEYS_PREFIX", "mt", "ERRORS_STYLE", "medtwin"));

    private final Portcullis portcullis = MEDTWIN.portcullis();

    @Test
    void theGeneratedPlatformAdminKeyAndEveryNewSecretKeyAreMtLiveOrMtTest() {
        String printedKey = MEDTWIN.printedAdminKey();
        assertNotNull(printedKey, "no platform-admin key was printed at first start");
        assertTrue(printedKey.matches("mt_live_[A-Za-z0-9]{38}"), printedKey.substring(0, 8));
        var tenant = portcullis.newTenant();
        assertTrue(tenant.adminKey().startsWith("mt_live_"));

        String live = portcullis.newKey(tenant.adminKey(), "{\"name\":\"production\",\"role\":\"member\"}").string("key");
        String test = portcullis.newKey(tenant.adminKey(),
                "{\"name\":\"sandbox\",\"role\":\"member\",\"environment\":\"test\"}").string("key");
        assertTrue(live.matches("mt_live_[A-Za-z0-9]{38}"));
        assertTrue(test.matches("mt_test_[A-Za-z0-9]{38}"));
        assertEquals(tenant.id(), portcullis.get("/v1/health", live).string("tenant_id"));
        assertEquals(tenant.id(), portcullis.get("/v1/health", test).string("tenant_id"));
    }

    @Test
    void aMissingKeyAndAWellFormedKeyOfTheDefaultSkFamilyGetTheSeeds401Body() {
        String skKey = new KeyFormat("sk", "tk").generate(KeyType.SECRET, Environment.LIVE, null);
        for (Reply refused : new Reply[] {portcullis.get("/v1/keys", skKey), portcullis.get("/v1/keys", null)}) {
            assertEquals(401, refused.status(), refused.toString());
            assertEquals("Bearer", refused.header("WWW-Authenticate"));
            assertEquals(Json.createObjectBuilder().add("error", "unauthorized")
                    .add("message", "Invalid or missing API key").build(), withoutRequestId(refused));
        }
    }

    @Test
    void aGatewaysRefusalCarriesTheSeedsBodyInTheHeaderNginxPassesOn() {
        Reply refused = portcullis.get("/v1/auth/verify", null);

        assertEquals(401, refused.status(), refused.toString());
        assertEquals(refused.body(), refused.header("X-Portcullis-Error"));
        assertEquals("unauthorized", refused.json().getString("error"));
    }

    @Test
    void aKeyWithoutTheRoleGetsTheSeeds403Body() {
        var tenant = portcullis.newTenant();
        String member = portcullis.newKey(tenant.adminKey(), "{\"name\":\"reader\",\"role\":\"member\"}").string("key");

        Reply refused = portcullis.get("/v1/keys", member);

        assertEquals(403, refused.status(), refused.toString());
        assertEquals(Json.createObjectBuilder().add("error", "forbidden")
                .add("message", "API key does not have permission for this resource")
                .add("required_role", "admin").build(), withoutRequestId(refused));
    }

    @Test
    void theFreePlansEleventhRequestInAMinuteGetsTheSeeds429BodyWithRetryAfter() {
        var tenant = portcullis.newTenant("free");
        String key = portcullis.newKey(tenant.adminKey(), "{\"name\":\"counted\"}").string("key");
        for (int i = 0; i < 10; i++) {
            assertEquals(200, portcullis.get("/v1/health", key).status());
        }

        Reply refused = portcullis.get("/v1/health", key);

        assertEquals(429, refused.status(), refused.toString());
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertEquals(Json.createObjectBuilder().add("error", "rate_limit_exceeded")
                .add("message", "Too many requests. Retry after " + retryAfter + " seconds.")
                .add("retry_after", retryAfter).build(), withoutRequestId(refused));
        assertEquals("10", refused.header("X-RateLimit-Limit"));
        assertEquals("0", refused.header("X-RateLimit-Remaining"));
    }

    @Test
    void failuresTheSeedDoesNotDocumentKeepTheirCodeInLowerCaseAndTheRequestId() {
        var tenant = portcullis.newTenant();

        Reply invalid = portcullis.post("/v1/keys", tenant.adminKey(), "{}");

        assertEquals(400, invalid.status(), invalid.toString());
        JsonObject body = invalid.json();
        assertEquals("validation_failed", body.getString("error"));
        assertEquals("name", body.getString("field"));
        assertEquals(invalid.header("X-Request-ID"), body.getString("request_id"));
    }

    /** The request id differs per request; it is checked where the test is about it. */
    private static JsonObject withoutRequestId(Reply reply) {
        JsonObject body = reply.json();
        assertEquals(reply.header("X-Request-ID"), body.getString("request_id"));
        return Json.createObjectBuilder(body).remove("request_id").build();
    }
}
