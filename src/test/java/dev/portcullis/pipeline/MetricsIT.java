package dev.portcullis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.PortcullisTest;
import dev.portcullis.testing.SharedServer;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/**
 * The application metrics at {@code /metrics}: each outcome of the pipeline, each result of a charge,
 * logins, lockouts, refresh tokens used twice and the node caches' lookups move their own counter by
 * exactly what the test did (the shared server runs one test at a time).
 */
@PortcullisTest
class MetricsIT {

    private static double requests(Portcullis portcullis, String outcome, String credential) {
        return portcullis.metric("application", "portcullis_requests_total", "outcome", outcome, "credential", credential);
    }

    private static double charges(Portcullis portcullis, String result) {
        return portcullis.metric("application", "portcullis_ratelimit_charges_total", "result", result);
    }

    /** How much {@code metric} moved while {@code action} ran. */
    private static double moved(DoubleSupplier metric, Runnable action) {
        double before = metric.getAsDouble();
        action.run();
        return metric.getAsDouble() - before;
    }

    @Test
    void eachOutcomeOfThePipelineMovesItsOwnCounter(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String key = portcullis.newKey(tenant.adminKey(), "{\"name\":\"counted\"}").string("key");
        String fenced = portcullis.newKey(tenant.adminKey(), "{\"name\":\"fenced\",\"allowed_ips\":[\"10.9.0.0/16\"]}").string("key");

        assertEquals(1, moved(() -> requests(portcullis, "admitted", "api_key"),
                () -> assertEquals(200, portcullis.get("/v1/health", key).status())));
        assertEquals(1, moved(() -> requests(portcullis, "admitted", "none"),
                () -> assertEquals(200, portcullis.get("/v1/health", null).status())));
        assertEquals(1, moved(() -> requests(portcullis, "INVALID_API_KEY", "invalid"),
                () -> assertEquals(401, portcullis.get("/v1/health", SharedServer.newAdminKey()).status())));
        assertEquals(1, moved(() -> requests(portcullis, "IP_NOT_ALLOWED", "api_key"),
                () -> assertEquals(403, portcullis.get("/v1/health", fenced, "X-Forwarded-For", "192.0.2.1",
                        "X-Forwarded-Proto", "https").status())));
        assertEquals(1, moved(() -> requests(portcullis, "NOT_FOUND", "none"),
                () -> assertEquals(404, portcullis.get("/v1/no-such-thing", null).status())));
        assertEquals(1, moved(() -> requests(portcullis, "admitted", "api_key"),
                () -> assertEquals(404, portcullis.get("/v1/keys/key_doesnotexist", tenant.adminKey()).status())),
                "a resource's own answer to an admitted request is the admitted request's");
    }

    @Test
    void eachChargeIsCountedByResultAndTimed(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String oncePerMinute = portcullis.newKey(tenant.adminKey(), "{\"name\":\"one\",\"rate_limit\":{\"per_minute\":1}}").string("key");
        String noCredits = portcullis.newKey(tenant.adminKey(), "{\"name\":\"none left\",\"credits\":{\"remaining\":0}}").string("key");
        double timed = portcullis.metric("application", "portcullis_ratelimit_charge_seconds_count");
        double admitted = charges(portcullis, "admitted");
        double limited = charges(portcullis, "rate_limited");
        double outOfCredits = charges(portcullis, "out_of_credits");
        double refusedRequests = requests(portcullis, "RATE_LIMIT_EXCEEDED", "api_key");

        assertEquals(200, portcullis.get("/v1/health", oncePerMinute).status());
        assertEquals(429, portcullis.get("/v1/health", oncePerMinute).status());
        assertEquals(402, portcullis.get("/v1/health", noCredits).status());

        assertEquals(1, charges(portcullis, "admitted") - admitted);
        assertEquals(1, charges(portcullis, "rate_limited") - limited);
        assertEquals(1, charges(portcullis, "out_of_credits") - outOfCredits);
        assertEquals(1, requests(portcullis, "RATE_LIMIT_EXCEEDED", "api_key") - refusedRequests);
        assertEquals(3, portcullis.metric("application", "portcullis_ratelimit_charge_seconds_count") - timed);
    }

    @Test
    void loginsLockoutsAndRefreshTokensUsedTwiceAreCounted(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        portcullis.newUser(tenant.adminKey(), "counted@example.com", "the right password", "member");
        double succeeded = portcullis.metric("application", "portcullis_logins_total", "outcome", "succeeded");
        double failed = portcullis.metric("application", "portcullis_logins_total", "outcome", "failed");
        double reuse = portcullis.metric("application", "portcullis_sessions_reuse_detected_total");
        double locked = portcullis.metric("application", "portcullis_users_locked_total");

        var login = portcullis.login("counted@example.com", "the right password", tenant.id());
        assertEquals(200, login.status());
        assertEquals(200, portcullis.refresh(login.string("refresh_token")).status());
        assertEquals(401, portcullis.refresh(login.string("refresh_token")).status());
        for (int i = 0; i < 5; i++) {
            assertEquals(401, portcullis.login("counted@example.com", "a wrong password " + i, tenant.id()).status());
        }

        assertEquals(1, portcullis.metric("application", "portcullis_logins_total", "outcome", "succeeded") - succeeded);
        assertEquals(5, portcullis.metric("application", "portcullis_logins_total", "outcome", "failed") - failed);
        assertEquals(1, portcullis.metric("application", "portcullis_sessions_reuse_detected_total") - reuse);
        assertEquals(1, portcullis.metric("application", "portcullis_users_locked_total") - locked);
    }

    @Test
    void theNodeCacheCountsAMissForAKeysFirstUseAndHitsAfterwards(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String key = portcullis.newKey(tenant.adminKey(), "{\"name\":\"cached\"}").string("key");
        double hits = portcullis.metric("application", "portcullis_cache_lookups", "cache", "api-keys", "result", "hit");
        double misses = portcullis.metric("application", "portcullis_cache_lookups", "cache", "api-keys", "result", "miss");

        for (int i = 0; i < 3; i++) {
            assertEquals(200, portcullis.get("/v1/health", key).status());
        }

        assertEquals(1, portcullis.metric("application", "portcullis_cache_lookups", "cache", "api-keys", "result", "miss") - misses);
        assertEquals(2, portcullis.metric("application", "portcullis_cache_lookups", "cache", "api-keys", "result", "hit") - hits);
    }
}
