package dev.portcullis.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testing.Concurrently;
import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.PortcullisTest;
import dev.portcullis.testing.Reply;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keys with credits: spent exactly, refused apart from rate limiting, refilled at UTC boundaries, set and topped up. */
@PortcullisTest
class CreditsIT {

    private static Reply health(Portcullis portcullis, String key) {
        return portcullis.get("/v1/health", key);
    }

    @Test
    void eachRequestSpendsACreditAndTheLastIsFollowedBy402UsageExceeded(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        var created = portcullis.newKey(tenant.adminKey(), "{\"name\":\"metered\",\"credits\":{\"remaining\":3}}");
        String key = created.string("key");
        assertEquals(3, created.json().getJsonObject("credits").getInt("remaining"));
        for (int left = 2; left >= 0; left--) {
            Reply ok = health(portcullis, key);
            assertEquals(200, ok.status());
            assertEquals(Integer.toString(left), ok.header("X-Credits-Remaining"));
        }
        Reply out = health(portcullis, key);
        assertEquals(402, out.status(), out.toString());
        assertEquals("USAGE_EXCEEDED", out.errorCode());
        assertNull(out.header("Retry-After"), "credits that are never refilled come back by no waiting");
        assertEquals("0", out.header("X-Credits-Remaining"));
        assertEquals(0, portcullis.get("/v1/keys/" + created.string("id"), tenant.adminKey()).json()
                .getJsonObject("credits").getInt("remaining"));
    }

    @Test
    void twoHundredConcurrentRequestsAgainstTwentyCreditsSpendExactlyTwenty(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String key = portcullis.newKey(tenant.adminKey(), "{\"name\":\"twenty\",\"credits\":{\"remaining\":20}}").string("key");
        Map<Integer, Integer> statuses = Concurrently.send(200, i -> HttpRequest.newBuilder(portcullis.uri("/v1/health"))
                .header("Authorization", "Bearer " + key).build());
        assertEquals(Map.of(200, 20, 402, 180), statuses);
    }

    @Test
    void anAdminSetsAndTopsUpCredits(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        var created = portcullis.newKey(tenant.adminKey(), "{\"name\":\"topped\",\"credits\":{\"remaining\":1}}");
        String key = created.string("key");
        String path = "/v1/keys/" + created.string("id");
        assertEquals(200, health(portcullis, key).status());
        assertEquals(402, health(portcullis, key).status());

        Reply topped = portcullis.post(path + "/credits", tenant.adminKey(), "{\"add\":2}");
        assertEquals(200, topped.status(), topped.toString());
        assertEquals(2, topped.json().getJsonObject("credits").getInt("remaining"));
        assertEquals(200, health(portcullis, key).status());
        assertEquals(200, health(portcullis, key).status());
        assertEquals(402, health(portcullis, key).status());

        assertEquals(200, portcullis.patch(path, tenant.adminKey(), "{\"credits\":{\"remaining\":1}}").status());
        assertEquals(200, health(portcullis, key).status(), "set to one");
        assertEquals(402, health(portcullis, key).status());

        assertEquals(200, portcullis.delete(path + "/credits", tenant.adminKey()).status());
        assertEquals(200, health(portcullis, key).status(), "no longer metered by credits");
        assertNull(health(portcullis, key).header("X-Credits-Remaining"));
    }

    @Test
    void creditsGoWithAKeyThatLeavesAndRejoinsAnIdentity(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String identity = portcullis.post("/v1/identities", tenant.adminKey(), "{\"external_id\":\"customer-" + System.nanoTime() + "\"}")
                .string("id");
        var created = portcullis.newKey(tenant.adminKey(), "{\"name\":\"member\",\"identity_id\":\"" + identity
                + "\",\"credits\":{\"remaining\":10}}");
        String key = created.string("key");
        String path = "/v1/keys/" + created.string("id");
        for (int i = 0; i < 3; i++) {
            assertEquals(200, health(portcullis, key).status());
        }

        Reply left = portcullis.patch(path, tenant.adminKey(), "{\"identity_id\":\"\"}");
        assertEquals(200, left.status(), left.toString());
        assertEquals(7, left.json().getJsonObject("credits").getInt("remaining"));
        assertEquals("6", health(portcullis, key).header("X-Credits-Remaining"), "the seven came along");
        assertEquals(200, portcullis.patch(path, tenant.adminKey(), "{\"credits\":{\"remaining\":2}}").status());

        assertEquals(200, portcullis.patch(path, tenant.adminKey(), "{\"identity_id\":\"" + identity + "\"}").status());
        assertEquals("1", health(portcullis, key).header("X-Credits-Remaining"),
                "the two set outside the identity, not the seven it had there before");
        Reply topped = portcullis.post(path + "/credits", tenant.adminKey(), "{\"add\":10}");
        assertEquals(11, topped.json().getJsonObject("credits").getInt("remaining"), topped.toString());
    }

    @Test
    void creditsAreAddedOnlyToKeysThatHaveThem(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        Reply refused = portcullis.post("/v1/keys/" + tenant.adminKeyId() + "/credits", tenant.adminKey(), "{\"add\":5}");
        assertEquals(400, refused.status());
        assertEquals("add", refused.error().getString("field"));
    }

    @Test
    void dailyCreditsAreRefilledAtMidnightUtc(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String key = portcullis.newKey(tenant.adminKey(),
                "{\"name\":\"daily\",\"credits\":{\"remaining\":1,\"refill\":{\"interval\":\"daily\",\"amount\":2}}}").string("key");
        assertEquals(200, health(portcullis, key).status());
        Reply out = health(portcullis, key);
        assertEquals(402, out.status());
        Instant now = Instant.parse(health(portcullis, portcullis.adminKey()).string("timestamp"));
        long midnight = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        assertEquals(midnight, out.error().getJsonNumber("refill_at").longValue());
        assertTrue(Long.parseLong(out.header("Retry-After")) > 0);

        portcullis.advanceClock(Duration.ofSeconds(midnight - now.getEpochSecond() + 1));
        Reply refilled = health(portcullis, key);
        assertEquals(200, refilled.status(), "refilled to two at midnight");
        assertEquals("1", refilled.header("X-Credits-Remaining"));
    }

    @Test
    void aBackendsVerificationSpendsItsCostAndNamesWhatRemains(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String key = portcullis.newKey(tenant.adminKey(), "{\"name\":\"relayed\",\"credits\":{\"remaining\":10}}").string("key");
        Reply verdict = portcullis.post("/v1/keys/verify", tenant.adminKey(), "{\"key\":\"" + key + "\",\"cost\":4}");
        assertEquals(true, verdict.json().getBoolean("valid"), verdict.toString());
        assertEquals(6, verdict.json().getJsonObject("credits").getInt("remaining"));
        Reply tooMuch = portcullis.post("/v1/keys/verify", tenant.adminKey(), "{\"key\":\"" + key + "\",\"cost\":7}");
        assertEquals(false, tooMuch.json().getBoolean("valid"));
        assertEquals("USAGE_EXCEEDED", tooMuch.json().getString("code"));
        assertEquals(6, tooMuch.json().getJsonObject("credits").getInt("remaining"), "nothing spent by the refusal");

        Reply gateway = portcullis.get("/v1/auth/verify?cost=5", key);
        assertEquals(200, gateway.status(), gateway.toString());
        assertEquals("1", gateway.header("X-Credits-Remaining"));
        assertEquals(400, portcullis.get("/v1/auth/verify?cost=0", key).status());
    }
}
