package dev.portcullis.ratelimit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.ratelimit.grid.Decide;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The day counts a node holds until they are written: raised only, each day's kept, nothing lost to a drain,
 * and a scheduled drain takes a row once ten requests or a minute have made it due.
 */
class UnwrittenUsageTest {

    private static final long DAY = 20_500;
    private static final long NOW = 1_000_000;

    private final UnwrittenUsage unwritten = new UnwrittenUsage(Duration.ofMinutes(1), 10, Duration.ofMinutes(1));

    /** Everything a drain at {@code now} hands out, in chunks as large as need be, by row id. */
    private static Map<String, UnwrittenUsage.Row> drain(UnwrittenUsage unwritten, long now) {
        Map<String, UnwrittenUsage.Row> rows = new HashMap<>();
        unwritten.drain(now, Integer.MAX_VALUE, chunk -> chunk.forEach(row -> assertNull(rows.put(row.id(), row), "twice: " + row)));
        return rows;
    }

    private Map<String, UnwrittenUsage.Row> drain() {
        return drain(unwritten, NOW);
    }

    private static long[] state(long day, long allowed, long refused, long lastUsed) {
        return Decide.day(day, allowed, refused, lastUsed);
    }

    private static UnwrittenUsage.Row row(String subject, long day, long allowed, long refused, long lastUsed) {
        return new UnwrittenUsage.Row(subject, "t1", day, allowed, refused, lastUsed);
    }

    @Test
    void aLateChargeNeverLowersTheCounts() {
        unwritten.charged("key_a", "t1", state(DAY, 5, 1, 500));
        unwritten.charged("key_a", "t1", state(DAY, 4, 2, 400));
        assertEquals(Map.of("key_a@" + DAY, row("key_a", DAY, 5, 2, 500)), drain());
    }

    @Test
    void aRowIsDrainedOnceAndAgainOnlyAfterAnotherCharge() {
        unwritten.charged("key_a", "t1", state(DAY, 1, 0, 100));
        assertEquals(1, drain().size());
        assertTrue(drain().isEmpty(), "nothing charged since");
        unwritten.charged("key_a", "t1", state(DAY, 2, 0, 200));
        assertEquals(row("key_a", DAY, 2, 0, 200), drain().get("key_a@" + DAY));
    }

    @Test
    void aNewDayKeepsThePreviousDaysUnwrittenCounts() {
        unwritten.charged("key_a", "t1", state(DAY, 7, 0, 700));
        unwritten.charged("key_a", "t1", state(DAY + 1, 1, 0, 800));
        Map<String, UnwrittenUsage.Row> rows = drain();
        assertEquals(row("key_a", DAY, 7, 0, 700), rows.get("key_a@" + DAY));
        assertEquals(row("key_a", DAY + 1, 1, 0, 800), rows.get("key_a@" + (DAY + 1)));
    }

    @Test
    void aChargeOfAnEarlierDayArrivingLateGoesToThatDay() {
        unwritten.charged("key_a", "t1", state(DAY + 1, 1, 0, 800));
        unwritten.charged("key_a", "t1", state(DAY, 9, 0, 790));
        Map<String, UnwrittenUsage.Row> rows = drain();
        assertEquals(9, rows.get("key_a@" + DAY).allowed());
        assertEquals(1, rows.get("key_a@" + (DAY + 1)).allowed());
    }

    /** Everything a scheduled drain at {@code now} hands out, by row id. */
    private static Map<String, UnwrittenUsage.Row> drainDue(UnwrittenUsage unwritten, long now) {
        Map<String, UnwrittenUsage.Row> rows = new HashMap<>();
        unwritten.drainDue(now, Integer.MAX_VALUE, chunk -> chunk.forEach(row -> assertNull(rows.put(row.id(), row), "twice: " + row)));
        return rows;
    }

    @Test
    void aScheduledDrainTakesARowOnceItsCountRoseByTenSinceItWasWritten() {
        unwritten.charged("key_a", "t1", state(DAY, 1, 0, 100)); // the day's first request: nothing written yet
        unwritten.charged("key_a", "t1", state(DAY, 5, 4, 500));
        assertTrue(drainDue(unwritten, NOW).isEmpty(), "9 requests: not due");
        unwritten.charged("key_a", "t1", state(DAY, 6, 4, 600));
        assertEquals(Map.of("key_a@" + DAY, row("key_a", DAY, 6, 4, 600)), drainDue(unwritten, NOW + 1));
        unwritten.charged("key_a", "t1", state(DAY, 15, 4, 700));
        assertTrue(drainDue(unwritten, NOW + 2).isEmpty(), "9 more since written: not due");
        unwritten.charged("key_a", "t1", state(DAY, 15, 5, 700));
        assertEquals(row("key_a", DAY, 15, 5, 700), drainDue(unwritten, NOW + 3).get("key_a@" + DAY));
    }

    @Test
    void aSubjectTakenUpAgainCountsItsTenFromTheCountItComesBackWith() {
        unwritten.charged("key_a", "t1", state(DAY, 500, 0, 500));
        assertTrue(drainDue(unwritten, NOW).isEmpty(), "a key charged now and then is not written at every charge");
        unwritten.charged("key_a", "t1", state(DAY, 508, 0, 508));
        assertTrue(drainDue(unwritten, NOW + 1).isEmpty());
        unwritten.charged("key_a", "t1", state(DAY, 509, 0, 509));
        assertEquals(509, drainDue(unwritten, NOW + 2).get("key_a@" + DAY).allowed(), "ten since the 499 before it came back");
    }

    @Test
    void aScheduledDrainTakesARowBelowTenOnceADrainFoundItWaitingAMinuteBefore() {
        unwritten.charged("key_a", "t1", state(DAY, 1, 0, 100));
        assertTrue(drainDue(unwritten, NOW).isEmpty(), "found waiting");
        assertTrue(drainDue(unwritten, NOW + 59_999).isEmpty());
        assertEquals(Map.of("key_a@" + DAY, row("key_a", DAY, 1, 0, 100)), drainDue(unwritten, NOW + 60_000));
        assertTrue(drainDue(unwritten, NOW + 120_000).isEmpty(), "written, nothing charged since");
        unwritten.charged("key_a", "t1", state(DAY, 2, 0, 200));
        assertTrue(drainDue(unwritten, NOW + 120_001).isEmpty(), "the minute starts over");
    }

    @Test
    void aDrainOnDemandTakesEveryChangedRowDueOrNot() {
        unwritten.charged("key_a", "t1", state(DAY, 1, 0, 100));
        assertTrue(drainDue(unwritten, NOW).isEmpty());
        assertEquals(Map.of("key_a@" + DAY, row("key_a", DAY, 1, 0, 100)), drain());
        assertTrue(drainDue(unwritten, NOW + 60_000).isEmpty(), "written on demand: no longer waiting");
    }

    @Test
    void aRowWaitingToBeDueKeepsItsHolderPastTheIdleTime() {
        UnwrittenUsage slow = new UnwrittenUsage(Duration.ofMinutes(1), 10, Duration.ofMinutes(10));
        slow.charged("key_a", "t1", state(DAY, 1, 0, 100));
        for (long minute = 0; minute < 10; minute++) {
            assertTrue(drainDue(slow, NOW + minute * 60_000 + minute).isEmpty(), "minute " + minute);
            assertEquals(1, slow.holders(), "minute " + minute);
        }
        assertEquals(1, drainDue(slow, NOW + 600_000).get("key_a@" + DAY).allowed());
    }

    @Test
    void aNewDayCountsItsTenFromZeroAndThePreviousDaysRowGoesAtTheNextScheduledDrain() {
        unwritten.charged("key_a", "t1", state(DAY, 1, 0, 100));
        unwritten.charged("key_a", "t1", state(DAY, 30, 0, 300));
        assertEquals(1, drainDue(unwritten, NOW).size());
        unwritten.charged("key_a", "t1", state(DAY, 33, 0, 330));
        unwritten.charged("key_a", "t1", state(DAY + 1, 9, 0, 400));
        assertEquals(Map.of("key_a@" + DAY, row("key_a", DAY, 33, 0, 330)), drainDue(unwritten, NOW + 1),
                "the previous day's 3 unwritten go with the day change; the new day's 9 are not due");
        unwritten.charged("key_a", "t1", state(DAY + 1, 10, 0, 410));
        assertEquals(Map.of("key_a@" + (DAY + 1), row("key_a", DAY + 1, 10, 0, 410)), drainDue(unwritten, NOW + 2));
    }

    @Test
    void aFailedChunkComesBackAndTheRestStayUnwrittenWhileWrittenChunksDoNot() {
        for (int i = 0; i < 5; i++) {
            unwritten.charged("key_" + i, "t1", state(DAY, 3, 0, 300));
        }
        List<Set<String>> chunks = new ArrayList<>();
        assertThrows(IllegalStateException.class, () -> unwritten.drain(NOW, 2, chunk -> {
            chunks.add(Set.copyOf(chunk.stream().map(UnwrittenUsage.Row::subject).toList()));
            if (chunks.size() == 2) {
                throw new IllegalStateException("the database is away");
            }
        }));
        assertEquals(2, chunks.size(), "the walk stops at the failure");
        Map<String, UnwrittenUsage.Row> again = drain();
        assertEquals(3, again.size(), "the failed chunk's two rows and the one not reached");
        chunks.get(1).forEach(subject -> assertEquals(row(subject, DAY, 3, 0, 300), again.get(subject + "@" + DAY)));
        chunks.get(0).forEach(subject -> assertNull(again.get(subject + "@" + DAY), "written: " + subject));
    }

    @Test
    void aRowBothCarriedAndHeldGoesOutOnceWithTheHigherOfEachCount() {
        unwritten.charged("key_a", "t1", state(DAY, 3, 2, 300));
        assertThrows(IllegalStateException.class, () -> unwritten.drain(NOW, 10, chunk -> {
            throw new IllegalStateException("the database is away");
        }));
        unwritten.charged("key_a", "t1", state(DAY, 4, 1, 400));
        assertEquals(Map.of("key_a@" + DAY, row("key_a", DAY, 4, 2, 400)), drain(),
                "one row: a statement may not change a row twice");
    }

    @Test
    void aSubjectNotChargedForLongerThanKeptIsLetGoAndItsNextChargeStillCounts() {
        unwritten.charged("key_a", "t1", state(DAY, 1, 0, 100));
        drain(unwritten, NOW);
        assertTrue(drain(unwritten, NOW + 60_000).isEmpty());
        assertEquals(1, unwritten.holders(), "kept for a minute");
        assertTrue(drain(unwritten, NOW + 60_001).isEmpty());
        assertEquals(0, unwritten.holders(), "let go after it");
        unwritten.charged("key_a", "t1", state(DAY, 2, 0, 200));
        assertEquals(2, drain(unwritten, NOW + 60_002).get("key_a@" + DAY).allowed());
    }

    /**
     * Charges racing the drain that lets their subjects' holders go: each round's charge is its subject's
     * last, so a charge made into a holder already let go would never be written. It depends on timing:
     * with the charge's re-check of a let-go holder removed, it failed in three runs of four.
     */
    @Test
    void aChargeRacingTheDrainThatLetsItsHolderGoIsWritten() throws Exception {
        UnwrittenUsage letGoAtOnce = new UnwrittenUsage(Duration.ZERO, 10, Duration.ofMinutes(1));
        int subjects = 16;
        Map<String, Long> written = new ConcurrentHashMap<>();
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            for (long round = 1; round <= 100_000; round++) {
                long count = round;
                long now = round * 10;
                Future<?> charges = two.submit(() -> {
                    together.await();
                    for (int s = 0; s < subjects; s++) {
                        letGoAtOnce.charged("key_" + s, "t1", state(DAY, count, 0, count));
                    }
                    return null;
                });
                Future<?> drain = two.submit(() -> {
                    together.await();
                    drain(letGoAtOnce, now).values().forEach(row -> written.merge(row.subject(), row.allowed(), Math::max));
                    return null;
                });
                charges.get(1, TimeUnit.MINUTES);
                drain.get(1, TimeUnit.MINUTES);
                drain(letGoAtOnce, now + 5).values().forEach(row -> written.merge(row.subject(), row.allowed(), Math::max));
                for (int s = 0; s < subjects; s++) {
                    assertEquals(count, written.get("key_" + s), "round " + round + "'s charge of key_" + s);
                }
            }
        } finally {
            two.shutdownNow();
        }
    }
}
