package dev.portcullis.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testing.Concurrently;
import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.PortcullisTest;
import dev.portcullis.testing.Reply;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

@PortcullisTest
class RateLimitIT {

    @Test
    void theHeadersCountDownTheFreePlanThenTheSeeds429(Portcullis portcullis) {
        var tenant = portcullis.newTenant("free");
        String key = portcullis.newKey(tenant.adminKey(), "{\"name\":\"counted\"}").string("key");
        long firstReset = 0;
        for (int i = 1; i <= 10; i++) {
            Reply reply = portcullis.get("/v1/health", key);
            assertEquals(200, reply.status());
            assertEquals("10", reply.header("X-RateLimit-Limit"));
            assertEquals(String.valueOf(10 - i), reply.header("X-RateLimit-Remaining"));
            long reset = Long.parseLong(reply.header("X-RateLimit-Reset"));
            assertTrue(reset > Instant.now().getEpochSecond() - 5, "epoch seconds: " + reset);
            firstReset = firstReset == 0 ? reset : firstReset;
            assertEquals("\"minute\";q=10;w=60, \"day\";q=100;w=86400", reply.header("RateLimit-Policy"));
            assertTrue(reply.header("RateLimit").startsWith("\"minute\";r=" + (10 - i) + ";t="), reply.header("RateLimit"));
        }
        Reply refused = portcullis.get("/v1/health", key);
        assertEquals(429, refused.status());
        assertEquals("RATE_LIMIT_EXCEEDED", refused.errorCode());
        assertEquals("API rate limit exceeded", refused.error().getString("message"));
        assertEquals("0", refused.header("X-RateLimit-Remaining"));
        assertEquals("10", refused.header("X-RateLimit-Limit"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertEquals(retryAfter, refused.error().getJsonNumber("retry_after").longValue());
        assertTrue(retryAfter >= 1 && retryAfter <= 6, "one request every 6 s: " + retryAfter);
    }

    @Test
    void requestsRefusedByTheMinuteWindowLeaveTheDayQuotaIntact(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        Reply created = portcullis.newKey(tenant.adminKey(),
                "{\"name\":\"tight\",\"rate_limit\":{\"per_minute\":2,\"per_day\":5}}");
        String key = created.string("key");
        assertEquals(200, portcullis.get("/v1/health", key).status());
        assertEquals(200, portcullis.get("/v1/health", key).status());
        for (int i = 0; i < 6; i++) {
            assertEquals(429, portcullis.get("/v1/health", key).status());
        }
        portcullis.advanceClock(Duration.ofSeconds(61));
        assertEquals(200, portcullis.get("/v1/health", key).status());
        assertEquals(200, portcullis.get("/v1/health", key).status());
        portcullis.advanceClock(Duration.ofSeconds(61));
        Reply fifth = portcullis.get("/v1/health", key);
        assertEquals(200, fifth.status(), "five requests admitted in all: the six refusals cost no day quota");
        assertEquals("0", fifth.header("X-RateLimit-Remaining"));
        assertEquals("5", fifth.header("X-RateLimit-Limit"), "the day is now the tightest window");

        Reply sixth = portcullis.get("/v1/health", key);
        assertEquals(429, sixth.status());
        assertEquals(0, Long.parseLong(sixth.header("X-RateLimit-Reset")) % 86400, "the day resets at 00:00 UTC");
        assertEquals(sixth.header("Retry-After"), String.valueOf(sixth.error().getJsonNumber("retry_after").longValue()));

        JsonObject usage = usageOf(portcullis, tenant.adminKey(), created.string("id"));
        assertEquals(5, usage.getJsonNumber("allowed").longValue());
        assertEquals(7, usage.getJsonNumber("refused").longValue());
    }

    @Test
    void twoHundredConcurrentRequestsAgainstTwentyRemainingAdmitExactlyTwentyEveryTime(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        for (int round = 1; round <= 20; round++) {
            String key = portcullis.newKey(tenant.adminKey(), "{\"name\":\"round " + round + "\",\"rate_limit\":{\"per_day\":20}}").string("key");
            HttpRequest request = HttpRequest.newBuilder(portcullis.uri("/v1/health"))
                    .header("Authorization", "Bearer " + key).build();
            Map<Integer, Integer> statuses = Concurrently.send(200, i -> request);
            assertEquals(Map.of(200, 20, 429, 180), statuses, "round " + round);
        }
    }

    @Test
    void anExhaustedTenantLeavesAnotherTenantUntouched(Portcullis portcullis) {
        var a = portcullis.newTenant();
        var b = portcullis.newTenant();
        String aKey = portcullis.newKey(a.adminKey(), "{\"name\":\"a\",\"rate_limit\":{\"per_day\":3}}").string("key");
        String bKey = portcullis.newKey(b.adminKey(), "{\"name\":\"b\",\"rate_limit\":{\"per_day\":3}}").string("key");
        for (int i = 0; i < 3; i++) {
            assertEquals(200, portcullis.get("/v1/health", aKey).status());
        }
        assertEquals(429, portcullis.get("/v1/health", aKey).status());
        Reply b1 = portcullis.get("/v1/health", bKey);
        assertEquals(200, b1.status());
        assertEquals("2", b1.header("X-RateLimit-Remaining"));
    }

    @Test
    void aTenantAdminMaySetKeyLimitsOnlyWithinItsPlanAPlatformAdminFreely(Portcullis portcullis) {
        var tenant = portcullis.newTenant("standard");
        Reply above = portcullis.post("/v1/keys", tenant.adminKey(), "{\"name\":\"greedy\",\"rate_limit\":{\"per_minute\":61}}");
        assertEquals(403, above.status());
        assertEquals("platform_admin", above.error().getString("required_role"));

        Reply within = portcullis.newKey(tenant.adminKey(), "{\"name\":\"modest\",\"rate_limit\":{\"per_minute\":30}}");
        assertEquals(30, within.json().getJsonObject("rate_limit").getJsonNumber("per_minute").longValue());
        assertEquals("30", portcullis.get("/v1/health", within.string("key")).header("X-RateLimit-Limit"));

        Reply byPlatform = portcullis.post("/v1/keys", portcullis.adminKey(),
                "{\"name\":\"vip\",\"rate_limit\":{\"per_minute\":5000,\"per_day\":5000}}", "X-Tenant-ID", tenant.id());
        assertEquals(201, byPlatform.status());
        Reply vip = portcullis.get("/v1/health", byPlatform.string("key"));
        assertEquals("5000", vip.header("X-RateLimit-Limit"));

        Reply raised = portcullis.patch("/v1/keys/" + within.string("id"), tenant.adminKey(), "{\"rate_limit\":{\"per_minute\":100}}");
        assertEquals(403, raised.status());
        Reply lowered = portcullis.patch("/v1/keys/" + within.string("id"), tenant.adminKey(), "{\"rate_limit\":{\"per_minute\":5}}");
        assertEquals(200, lowered.status());
        assertEquals("5", portcullis.get("/v1/health", within.string("key")).header("X-RateLimit-Limit"),
                "the new limit applies at the next request");
    }

    @Test
    void badLimitsAre400(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        for (String limit : new String[] {"{\"per_minute\":0}", "{\"per_day\":-1}", "{\"per_minute\":\"10\"}", "{\"per_hour\":1}"}) {
            Reply reply = portcullis.post("/v1/keys", tenant.adminKey(), "{\"name\":\"x\",\"rate_limit\":" + limit + "}");
            assertEquals(400, reply.status(), limit + " -> " + reply);
        }
    }

    @Test
    void enterpriseTenantsHaveTheirOwnNumbers(Portcullis portcullis) {
        Reply created = portcullis.post("/v1/tenants", portcullis.adminKey(),
                "{\"name\":\"Big\",\"plan\":\"enterprise\",\"rate_limit\":{\"per_minute\":7,\"per_day\":70000}}");
        assertEquals(201, created.status());
        String tenant = created.string("id");
        String key = portcullis.newKey(portcullis.adminKey(), "{\"name\":\"k\"}", "X-Tenant-ID", tenant).string("key");
        assertEquals("7", portcullis.get("/v1/health", key).header("X-RateLimit-Limit"));

        portcullis.patch("/v1/tenants/" + tenant, portcullis.adminKey(), "{\"rate_limit\":{\"per_minute\":9,\"per_day\":70000}}");
        assertEquals("9", portcullis.get("/v1/health", key).header("X-RateLimit-Limit"));
    }

    @Test
    void usageCountsRequestsPerKeyPerDayAndKeysShowWhenTheyWereLastUsed(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        Reply created = portcullis.newKey(tenant.adminKey(), "{\"name\":\"used\",\"rate_limit\":{\"per_day\":3}}");
        assertNull(created.string("last_used_at"));
        for (int i = 0; i < 5; i++) {
            portcullis.get("/v1/health", created.string("key"));
        }
        JsonObject usage = usageOf(portcullis, tenant.adminKey(), created.string("id"));
        assertEquals(3, usage.getJsonNumber("allowed").longValue());
        assertEquals(2, usage.getJsonNumber("refused").longValue());
        assertEquals("key", usage.getString("subject_type"));

        Reply key = portcullis.get("/v1/keys/" + created.string("id"), tenant.adminKey());
        assertNotNull(key.string("last_used_at"));

        Reply byPlatform = portcullis.get("/v1/usage", portcullis.adminKey(), "X-Tenant-ID", tenant.id());
        assertEquals(tenant.id(), byPlatform.string("tenant_id"));
        assertEquals(403, portcullis.get("/v1/usage", portcullis.newKey(tenant.adminKey(), "{\"name\":\"m\"}").string("key")).status());
        assertEquals(400, portcullis.get("/v1/usage?from=yesterday", tenant.adminKey()).status());
    }

    @Test
    void aDaysCountIsKeptWhenTheNextDayBeginsBeforeItWasWritten(Portcullis portcullis) {
        // The shared server writes usage only when it is read or at shutdown: nothing is written in between.
        var tenant = portcullis.newTenant();
        Reply created = portcullis.newKey(tenant.adminKey(), "{\"name\":\"overnight\"}");
        for (int i = 0; i < 3; i++) {
            assertEquals(200, portcullis.get("/v1/health", created.string("key")).status());
        }
        portcullis.advanceClock(Duration.ofDays(1));
        assertEquals(200, portcullis.get("/v1/health", created.string("key")).status());

        Reply usage = portcullis.get("/v1/usage", tenant.adminKey());
        var rows = usage.data().getValuesAs(JsonObject.class).stream()
                .filter(row -> row.getString("subject_id").equals(created.string("id"))).toList();
        assertEquals(2, rows.size(), usage.toString());
        assertEquals(LocalDate.parse(rows.get(0).getString("day")).plusDays(1), LocalDate.parse(rows.get(1).getString("day")));
        assertEquals(3, rows.get(0).getJsonNumber("allowed").longValue(), "the old day keeps all three");
        assertEquals(1, rows.get(1).getJsonNumber("allowed").longValue());
    }

    @Test
    void plansAreDataThePlatformAdminManages(Portcullis portcullis) {
        Reply plans = portcullis.get("/v1/plans", portcullis.adminKey());
        Map<String, long[]> seeded = Map.of("free", new long[] {10, 100}, "standard", new long[] {60, 10000});
        for (JsonObject plan : plans.data().getValuesAs(JsonObject.class)) {
            long[] expected = seeded.get(plan.getString("name"));
            if (expected != null) {
                assertEquals(expected[0], plan.getJsonNumber("per_minute").longValue());
                assertEquals(expected[1], plan.getJsonNumber("per_day").longValue());
            }
        }
        String name = "gold-" + System.nanoTime();
        assertEquals(201, portcullis.post("/v1/plans", portcullis.adminKey(),
                "{\"name\":\"" + name + "\",\"per_minute\":3,\"per_day\":30}").status());
        assertEquals(409, portcullis.post("/v1/plans", portcullis.adminKey(),
                "{\"name\":\"" + name + "\",\"per_minute\":3,\"per_day\":30}").status());
        Reply tenant = portcullis.post("/v1/tenants", portcullis.adminKey(), "{\"name\":\"Gold\",\"plan\":\"" + name + "\"}");
        String key = portcullis.newKey(portcullis.adminKey(), "{\"name\":\"g\"}", "X-Tenant-ID", tenant.string("id")).string("key");
        assertEquals("3", portcullis.get("/v1/health", key).header("X-RateLimit-Limit"));

        assertEquals(200, portcullis.patch("/v1/plans/" + name, portcullis.adminKey(), "{\"per_minute\":4}").status());
        assertEquals("4", portcullis.get("/v1/health", key).header("X-RateLimit-Limit"), "plan changes apply at once");

        var other = portcullis.newTenant();
        assertEquals(403, portcullis.post("/v1/plans", other.adminKey(), "{\"name\":\"mine\",\"per_minute\":1,\"per_day\":1}").status());
        assertEquals(400, portcullis.post("/v1/plans", portcullis.adminKey(), "{\"name\":\"Bad Name\",\"per_minute\":1,\"per_day\":1}").status());
    }

    @Test
    void unauthenticatedRequestsCarryNoRateLimitHeaders(Portcullis portcullis) {
        assertNull(portcullis.get("/v1/health", null).header("X-RateLimit-Limit"));
    }

    private static JsonObject usageOf(Portcullis portcullis, String adminKey, String keyId) {
        Reply usage = portcullis.get("/v1/usage", adminKey);
        assertEquals(200, usage.status(), usage.toString());
        return usage.data().getValuesAs(JsonObject.class).stream()
                .filter(row -> row.getString("subject_id").equals(keyId))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no usage of " + keyId + ": " + usage));
    }
}
