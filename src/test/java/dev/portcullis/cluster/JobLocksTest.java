package dev.portcullis.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.map.IMap;
import dev.portcullis.testing.LoopbackGrid;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Background jobs on two real Hazelcast members on loopback: one node at a time, and free again when it finishes or vanishes. */
class JobLocksTest {

    private final LoopbackGrid grid = new LoopbackGrid(27950, 2);

    @AfterEach
    void stopTheMembers() {
        grid.close();
    }

    private IMap<String, Boolean> locksOnNewMember() {
        return grid.member().getMap(JobLocks.MAP);
    }

    @Test
    void whileOneNodeRunsAJobTheOtherDoesNotAndAfterwardsEitherMay() throws Exception {
        IMap<String, Boolean> first = locksOnNewMember();
        IMap<String, Boolean> second = locksOnNewMember();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        CompletableFuture<Boolean> job = CompletableFuture.supplyAsync(() -> JobLocks.runAlone(first, "purge", Duration.ofMinutes(1), () -> {
            runs.incrementAndGet();
            running.countDown();
            await(finish);
        }));
        assertTrue(running.await(30, TimeUnit.SECONDS));
        assertFalse(JobLocks.runAlone(second, "purge", Duration.ofMinutes(1), runs::incrementAndGet), "the other node's turn is taken");
        assertTrue(JobLocks.runAlone(second, "another job", Duration.ofMinutes(1), () -> { }), "jobs of other names are free");
        finish.countDown();
        assertTrue(job.get(30, TimeUnit.SECONDS));
        assertTrue(JobLocks.runAlone(second, "purge", Duration.ofMinutes(1), runs::incrementAndGet));
        assertTrue(JobLocks.runAlone(first, "purge", Duration.ofMinutes(1), runs::incrementAndGet));
        assertEquals(3, runs.get());
    }

    @Test
    void aNodeThatVanishesWhileRunningAJobLeavesItToTheOthers() throws Exception {
        IMap<String, Boolean> first = locksOnNewMember();
        IMap<String, Boolean> second = locksOnNewMember();
        CountDownLatch running = new CountDownLatch(1);
        CompletableFuture.runAsync(() -> JobLocks.runAlone(first, "purge", Duration.ofHours(1), () -> {
            running.countDown();
            await(new CountDownLatch(1));
        }));
        assertTrue(running.await(30, TimeUnit.SECONDS));
        assertFalse(JobLocks.runAlone(second, "purge", Duration.ofHours(1), () -> { }));
        grid.members().get(0).getLifecycleService().terminate();
        Awaitility.await("the lock of a member that left released long before its lease ends")
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> JobLocks.runAlone(second, "purge", Duration.ofHours(1), () -> { }));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
