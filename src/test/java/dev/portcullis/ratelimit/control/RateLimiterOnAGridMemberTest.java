package dev.portcullis.ratelimit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.portcullis.ratelimit.grid.Counter;
import dev.portcullis.ratelimit.grid.Limits;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rate limiter on a real Hazelcast member on loopback: concurrent charges of one subject decided
 * exactly, and what a charge does when the member holding the counters is gone.
 * (Payara Micro cannot lose its own member while serving, so that is shown here rather than over HTTP;
 * the 503 envelope itself comes from the one failure mapper.)
 */
class RateLimiterOnAGridMemberTest {

    private static final Limits TWENTY_PER_MINUTE = new Limits(20, 10_000);

    private HazelcastInstance member;
    private RateLimiter limiter;
    private FailedAuthentications failures;

    @BeforeEach
    void startAMemberAndOpenTheCounters() {
        Config config = new Config().setClusterName("counter-store-" + UUID.randomUUID());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.logging.type", "jdk");
        config.getNetworkConfig().setPort(27900).setPortAutoIncrement(true).getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(false);
        member = Hazelcast.newHazelcastInstance(config);

        limiter = new RateLimiter();
        limiter.grid = member;
        limiter.clock = Clock.systemUTC();
        limiter.ledger = new UsageLedger();
        limiter.openCounters();
        failures = new FailedAuthentications();
        failures.counters = limiter;
        failures.clock = Clock.systemUTC();
        failures.perMinute = 2;
        failures.perDay = 100;
    }

    @AfterEach
    void stopTheMember() {
        member.getLifecycleService().terminate();
    }

    /** A subject whose counter exists, so no charge needs the database for a starting point. */
    private String subjectWithACounter() {
        String subject = "key_" + UUID.randomUUID();
        long today = Counter.epochDay(System.currentTimeMillis());
        member.<String, long[]>getMap(RateLimiter.MAP).set(subject, Counter.fresh(today, 0, 0));
        return subject;
    }

    @Test
    void twoHundredConcurrentChargesAgainstTwentyAdmitExactlyTwentyEveryTime() throws InterruptedException {
        for (int round = 0; round < 10; round++) {
            String subject = subjectWithACounter();
            AtomicInteger admitted = new AtomicInteger();
            List<Thread> requests = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                Thread request = new Thread(() -> {
                    if (limiter.charge(subject, "tenant_x", TWENTY_PER_MINUTE, 1).admitted()) {
                        admitted.incrementAndGet();
                    }
                });
                request.start();
                requests.add(request);
            }
            for (Thread request : requests) {
                request.join();
            }
            assertEquals(20, admitted.get(), "round " + round);
        }
    }

    @Test
    void whileTheStoreIsUpFailedAuthenticationsAreCountedThere() {
        RuntimeException refusal = new IllegalStateException("401");
        assertEquals(refusal, failures.refused("192.0.2.1", refusal));
        assertEquals(refusal, failures.refused("192.0.2.1", refusal));
        assertInstanceOf(RateLimitExceeded.class, failures.refused("192.0.2.1", refusal), "the third is one too many");
    }

    @Test
    void aChargeWithTheStoreDownIsRefusedWith503RateLimitUnavailable() {
        member.getLifecycleService().terminate();
        RateLimitUnavailable failure = assertThrows(RateLimitUnavailable.class,
                () -> limiter.charge("key_x", "tenant_x", new Limits(10, 100), 1));
        assertEquals(503, failure.status());
        assertEquals("RATE_LIMIT_UNAVAILABLE", failure.code());
    }

    @Test
    void configuredToFailOpenAChargeWithTheStoreDownAdmitsWithoutADecision() {
        limiter.failOpen = true;
        member.getLifecycleService().terminate();
        assertNull(limiter.charge("key_x", "tenant_x", new Limits(10, 100), 1),
                "no decision, so the request carries no (stale) rate-limit headers");
    }

    @Test
    void aFailedAuthenticationWithTheStoreDownStaysTheRefusalItWas() {
        member.getLifecycleService().terminate();
        RuntimeException refusal = new IllegalStateException("401");
        for (int i = 0; i < 5; i++) {
            assertEquals(refusal, failures.refused("192.0.2.1", refusal));
        }
    }
}
