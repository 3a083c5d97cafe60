package dev.portcullis.client;

import static dev.portcullis.client.TestServer.BASE_URL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.portcullis.client.TestServer.TestTenant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

    private final TestTenant tenant = TestTenant.create();
    private final String key = tenant.key(NewKey.named("limited").withRateLimit(RateLimit.perMinute(60))).key();

    /** Calls until the key is refused; the 60 of a minute go in a burst, so that is after about 60. */
    private RateLimitException exhaust() {
        PortcullisClient client = new PortcullisClient(key, BASE_URL);
        for (int sent = 1; sent < 200; sent++) {
            try {
                client.health();
            } catch (RateLimitException refused) {
                assertTrue(sent > 60, "refused after " + sent);
                return refused;
            }
        }
        return fail("never refused");
    }

    @Test
    void withoutRetryThe429IsThrownAtOnceWithRetryAfter() {
        RateLimitException refused = exhaust();
        assertEquals(429, refused.status());
        assertEquals("RATE_LIMIT_EXCEEDED", refused.code());
        assertEquals(1L, refused.retryAfter());
    }

    @Test
    void withRetryTheClientWaitsRetryAfterAndSucceeds() {
        List<Duration> waits = new ArrayList<>();
        PortcullisClient retrying = PortcullisClient.builder().apiKey(key).baseUrl(BASE_URL)
                .rateLimitRetry(3, Duration.ofMinutes(1))
                .sleeper(wait -> {
                    waits.add(wait);
                    TestServer.advanceClock(wait.toSeconds());
                })
                .build();
        exhaust();
        assertEquals(tenant.id(), retrying.health().tenantId());
        assertEquals(List.of(Duration.ofSeconds(1)), waits);
    }

    @Test
    void retriesStopAfterMaxRetries() {
        List<Duration> waits = new ArrayList<>();
        // No time passes while "sleeping", so every attempt is refused.
        PortcullisClient retrying = PortcullisClient.builder().apiKey(key).baseUrl(BASE_URL)
                .rateLimitRetry(2, Duration.ofMinutes(1)).sleeper(waits::add).build();
        exhaust();
        assertThrows(RateLimitException.class, retrying::health);
        assertEquals(2, waits.size());
    }

    @Test
    void noRetryWhenRetryAfterExceedsTheWaitAllowed() {
        List<Duration> waits = new ArrayList<>();
        PortcullisClient retrying = PortcullisClient.builder().apiKey(key).baseUrl(BASE_URL)
                .rateLimitRetry(3, Duration.ofMillis(500)).sleeper(waits::add).build();
        exhaust();
        assertThrows(RateLimitException.class, retrying::health);
        assertEquals(List.of(), waits);
    }
}
