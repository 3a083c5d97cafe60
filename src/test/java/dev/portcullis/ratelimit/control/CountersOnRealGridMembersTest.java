package dev.portcullis.ratelimit.control;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import dev.portcullis.clock.AdjustableClock;
import dev.portcullis.ratelimit.grid.Bucket;
import dev.portcullis.ratelimit.grid.Decide;
import dev.portcullis.ratelimit.grid.Decision;
import dev.portcullis.testing.LoopbackGrid;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The counters on real Hazelcast members on loopback, in one JVM: exact under concurrency whether a lone
 * member decides in place or the grid decides, across a second member joining and leaving under load,
 * and what a charge does when the member holding the counters is gone. (Payara Micro cannot lose its own
 * member while serving, so that is shown here rather than over HTTP; the 503 envelope itself comes from
 * the one failure mapper.)
 */
class CountersOnRealGridMembersTest {

    private final LoopbackGrid grid = new LoopbackGrid(27900, 3);

    @AfterEach
    void stopTheMembers() {
        grid.close();
    }

    /** A node's rate limiter on {@code member}, writing nothing to a database (its buckets need no seeds from one). */
    private static RateLimiter limiterOn(HazelcastInstance member) {
        Counters counters = new Counters();
        counters.grid = member;
        counters.clock = Clock.systemUTC();
        counters.open();
        RateLimiter limiter = new RateLimiter();
        limiter.counters = counters;
        limiter.clock = Clock.systemUTC();
        limiter.ledger = new UsageLedger();
        limiter.transactions = new dev.portcullis.database.Transactions();
        return limiter;
    }

    private static List<Bucket> limits(String subject, long perMinute, long perDay) {
        return List.of(Bucket.window("minute", "minute", subject, perMinute, 60_000, 1),
                Bucket.day("day", "day", subject, perDay, 1, false));
    }

    /** {@code count} charges of {@code subject} from as many threads at once, spread over the limiters; admitted ones. */
    private static int chargeAtOnce(List<RateLimiter> limiters, String subject, List<Bucket> buckets, int count)
            throws InterruptedException {
        AtomicInteger admitted = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RateLimiter limiter = limiters.get(i % limiters.size());
            Thread request = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                if (limiter.charge(subject, null, buckets).admitted()) {
                    admitted.incrementAndGet();
                }
            });
            request.start();
            requests.add(request);
        }
        start.countDown();
        for (Thread request : requests) {
            request.join();
        }
        return admitted.get();
    }

    @Test
    void aLoneMemberDecidesInPlaceAndExactly() throws InterruptedException {
        RateLimiter alone = limiterOn(grid.member());
        assertTrue(alone.counters.inPlace());
        for (int round = 0; round < 10; round++) {
            String subject = "key_" + UUID.randomUUID();
            assertEquals(20, chargeAtOnce(List.of(alone), subject, limits(subject, 20, 10_000), 200), "round " + round);
        }
    }

    @Test
    void anEntryNoChargeTouchedForTwoDaysIsDroppedAndOneTouchedSinceIsKept() {
        AdjustableClock clock = new AdjustableClock(Clock.systemUTC());
        RateLimiter limiter = limiterOn(grid.member());
        limiter.counters.clock = clock;
        limiter.clock = clock;
        String idle = "key_" + UUID.randomUUID();
        String busy = "key_" + UUID.randomUUID();
        limiter.charge(idle, null, limits(idle, 5, 100));
        limiter.charge(busy, null, limits(busy, 5, 100));
        clock.advance(Duration.ofDays(1));
        limiter.charge(busy, null, limits(busy, 5, 100));
        limiter.counters.dropIdle();
        assertEquals(2, limiter.counters.held(), "a day idle is not yet two");

        clock.advance(Duration.ofDays(1).plusMillis(1));
        limiter.counters.dropIdle();

        assertEquals(1, limiter.counters.held());
        assertTrue(limiter.counters.entries(List.of(idle)).isEmpty());
        assertEquals(1, limiter.counters.entries(List.of(busy)).get(busy).get("day")[Decide.DAY_ALLOWED],
                "the kept entry still holds the day it was last charged");
        assertTrue(limiter.charge(idle, null, limits(idle, 5, 100)).admitted(), "a dropped subject starts afresh");
    }

    @Test
    void twoMembersDecideInTheGridAndExactly() throws InterruptedException {
        RateLimiter first = limiterOn(grid.member());
        RateLimiter second = limiterOn(grid.member());
        assertFalse(first.counters.inPlace());
        assertFalse(second.counters.inPlace());
        for (int round = 0; round < 5; round++) {
            String subject = "key_" + UUID.randomUUID();
            assertEquals(20, chargeAtOnce(List.of(first, second), subject, limits(subject, 20, 10_000), 200), "round " + round);
        }
    }

    /**
     * A day of 100 charged under constant load while a second member joins (the first hands its entries to
     * the grid) and leaves again (the first takes them back): never more than 100, and all 100.
     */
    @Test
    void noRequestIsAdmittedTwiceAcrossAMemberJoiningAndLeaving() throws InterruptedException {
        String subject = "key_" + UUID.randomUUID();
        List<Bucket> hundredADay = limits(subject, 1_000_000, 100);
        RateLimiter first = limiterOn(grid.member());
        assertEquals(30, chargeAtOnce(List.of(first), subject, limits(subject, 1_000_000, 30), 30));

        AtomicInteger admitted = new AtomicInteger(30);
        AtomicInteger charges = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        List<RateLimiter> deciders = new java.util.concurrent.CopyOnWriteArrayList<>(List.of(first));
        Thread load = new Thread(() -> {
            for (int i = 0; !stop.get(); i++) {
                if (deciders.get(i % deciders.size()).charge(subject, null, hundredADay).admitted()) {
                    admitted.incrementAndGet();
                }
                charges.incrementAndGet();
            }
        });
        load.start();
        HazelcastInstance secondMember = grid.member();
        RateLimiter second = limiterOn(secondMember);
        deciders.add(second);
        // the first member hears of the join by an event: the load runs on until it has, and then some more
        awaitBounded(() -> !first.counters.inPlace());
        int handedOver = charges.get();
        awaitBounded(() -> charges.get() >= handedOver + 300);
        stop.set(true);
        load.join();
        assertFalse(first.counters.inPlace(), "a second member: the grid decides");
        assertEquals(100, admitted.get());

        secondMember.getLifecycleService().terminate();
        deciders.remove(second);
        // the first member learns of the other's going by an event too
        awaitBounded(first.counters::inPlace);
        assertTrue(first.counters.inPlace(), "alone again: in place");
        Decision after = first.charge(subject, null, hundredADay);
        assertFalse(after.admitted(), "the day's 100 came back with the entries");
        assertEquals("day", after.refusedBy());
    }

    private static void awaitBounded(Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10)).until(condition);
    }

    @Test
    void whileTheStoreIsUpFailedAuthenticationsAreCountedThere() {
        FailedAuthentications failures = failures(limiterOn(grid.member()));
        RuntimeException refusal = new IllegalStateException("401");
        assertEquals(refusal, failures.refused("192.0.2.1", refusal));
        assertEquals(refusal, failures.refused("192.0.2.1", refusal));
        assertInstanceOf(RateLimitExceeded.class, failures.refused("192.0.2.1", refusal), "the third is one too many");
    }

    @Test
    void aChargeWithTheStoreDownIsRefusedWith503RateLimitUnavailable() {
        HazelcastInstance first = grid.member();
        RateLimiter limiter = limiterOn(first);
        limiterOn(grid.member());
        first.getLifecycleService().terminate();
        RateLimitUnavailable failure = assertThrows(RateLimitUnavailable.class,
                () -> limiter.charge("key_x", null, limits("key_x", 10, 100)));
        assertEquals(503, failure.status());
        assertEquals("RATE_LIMIT_UNAVAILABLE", failure.code());
    }

    @Test
    void configuredToFailOpenAChargeWithTheStoreDownAdmitsWithoutADecision() {
        HazelcastInstance first = grid.member();
        RateLimiter limiter = limiterOn(first);
        limiterOn(grid.member());
        limiter.failOpen = true;
        first.getLifecycleService().terminate();
        assertNull(limiter.charge("key_x", null, limits("key_x", 10, 100)),
                "no decision, so the request carries no (stale) rate-limit headers");
    }

    @Test
    void aFailedAuthenticationWithTheStoreDownStaysTheRefusalItWas() {
        HazelcastInstance first = grid.member();
        FailedAuthentications failures = failures(limiterOn(first));
        limiterOn(grid.member());
        first.getLifecycleService().terminate();
        RuntimeException refusal = new IllegalStateException("401");
        for (int i = 0; i < 5; i++) {
            assertEquals(refusal, failures.refused("192.0.2.1", refusal));
        }
    }

    private static FailedAuthentications failures(RateLimiter limiter) {
        FailedAuthentications failures = new FailedAuthentications();
        failures.limiter = limiter;
        failures.clock = Clock.systemUTC();
        failures.perMinute = 2;
        failures.perDay = 100;
        return failures;
    }
}
