package dev.portcullis.ratelimit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.ratelimit.grid.Decide;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The day counts a node holds until they are written: raised only, each day's kept, nothing lost to a drain. */
class UnwrittenUsageTest {

    private static final long DAY = 20_500;

    private final UnwrittenUsage unwritten = new UnwrittenUsage(2);

    /** Everything a drain hands out, in chunks as large as need be, by row id. */
    private static Map<String, UnwrittenUsage.Row> drain(UnwrittenUsage unwritten) {
        Map<String, UnwrittenUsage.Row> rows = new HashMap<>();
        unwritten.drain(Integer.MAX_VALUE, chunk -> chunk.forEach(row -> assertNull(rows.put(row.id(), row), "twice: " + row)));
        return rows;
    }

    private static long[] state(long day, long allowed, long refused, long lastUsed) {
        return Decide.day(day, allowed, refused, lastUsed);
    }

    @Test
    void aLateChargeNeverLowersTheCounts() {
        unwritten.charged("key_a", "t1", state(DAY, 5, 1, 500));
        unwritten.charged("key_a", "t1", state(DAY, 4, 2, 400));
        assertEquals(Map.of("key_a@" + DAY, new UnwrittenUsage.Row("key_a", "t1", DAY, 5, 2, 500)), drain(unwritten));
    }

    @Test
    void aRowIsDrainedOnceAndAgainOnlyAfterAnotherCharge() {
        unwritten.charged("key_a", "t1", state(DAY, 1, 0, 100));
        assertEquals(1, drain(unwritten).size());
        assertTrue(drain(unwritten).isEmpty(), "nothing charged since");
        unwritten.charged("key_a", "t1", state(DAY, 2, 0, 200));
        assertEquals(new UnwrittenUsage.Row("key_a", "t1", DAY, 2, 0, 200), drain(unwritten).get("key_a@" + DAY));
    }

    @Test
    void aNewDayKeepsThePreviousDaysUnwrittenCounts() {
        unwritten.charged("key_a", "t1", state(DAY, 7, 0, 700));
        unwritten.charged("key_a", "t1", state(DAY + 1, 1, 0, 800));
        Map<String, UnwrittenUsage.Row> rows = drain(unwritten);
        assertEquals(new UnwrittenUsage.Row("key_a", "t1", DAY, 7, 0, 700), rows.get("key_a@" + DAY));
        assertEquals(new UnwrittenUsage.Row("key_a", "t1", DAY + 1, 1, 0, 800), rows.get("key_a@" + (DAY + 1)));
    }

    @Test
    void aChargeOfAnEarlierDayArrivingLateGoesToThatDay() {
        unwritten.charged("key_a", "t1", state(DAY + 1, 1, 0, 800));
        unwritten.charged("key_a", "t1", state(DAY, 9, 0, 790));
        Map<String, UnwrittenUsage.Row> rows = drain(unwritten);
        assertEquals(9, rows.get("key_a@" + DAY).allowed());
        assertEquals(1, rows.get("key_a@" + (DAY + 1)).allowed());
    }

    @Test
    void aFailedChunkComesBackWithLaterChargesMergedIntoItAndTheRestStayUnwritten() {
        for (int i = 0; i < 5; i++) {
            unwritten.charged("key_" + i, "t1", state(DAY, 3, 0, 300));
        }
        List<Integer> chunks = new ArrayList<>();
        assertThrows(IllegalStateException.class, () -> unwritten.drain(2, chunk -> {
            chunks.add(chunk.size());
            if (chunks.size() == 2) {
                throw new IllegalStateException("the database is away");
            }
        }));
        assertEquals(List.of(2, 2), chunks, "at most two rows a chunk; the walk stops at the failure");
        for (int i = 0; i < 5; i++) {
            unwritten.charged("key_" + i, "t1", state(DAY, 4, 1, 400));
        }
        Map<String, UnwrittenUsage.Row> rows = drain(unwritten);
        assertEquals(5, rows.size(), "the failed chunk's rows, the unvisited one, and the written ones charged again");
        rows.values().forEach(row -> assertEquals(new UnwrittenUsage.Row(row.subject(), "t1", DAY, 4, 1, 400), row));
    }

    @Test
    void aRowBothCarriedAndHeldGoesOutOnceInAChunk() {
        unwritten.charged("key_a", "t1", state(DAY, 3, 0, 300));
        assertThrows(IllegalStateException.class, () -> unwritten.drain(10, chunk -> {
            throw new IllegalStateException("the database is away");
        }));
        unwritten.charged("key_a", "t1", state(DAY, 4, 1, 400));
        assertEquals(Map.of("key_a@" + DAY, new UnwrittenUsage.Row("key_a", "t1", DAY, 4, 1, 400)), drain(unwritten),
                "a statement may not change a row twice");
    }

    @Test
    void aSubjectIdleLongerThanTheDrainsKeptIsLetGoAndItsNextChargeStillCounts() {
        unwritten.charged("key_a", "t1", state(DAY, 1, 0, 100));
        drain(unwritten);
        for (int i = 0; i < 5; i++) {
            assertTrue(drain(unwritten).isEmpty());
        }
        unwritten.charged("key_a", "t1", state(DAY, 2, 0, 200));
        assertEquals(2, drain(unwritten).get("key_a@" + DAY).allowed());
    }

    @Test
    void chargesConcurrentWithDrainsAreAllWrittenInTheEnd() throws Exception {
        UnwrittenUsage letGoAtOnce = new UnwrittenUsage(0);
        int subjects = 8;
        int charges = 20_000;
        Map<String, Long> written = new ConcurrentHashMap<>();
        AtomicBoolean charging = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(subjects + 1);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> chargers = new ArrayList<>();
            for (int s = 0; s < subjects; s++) {
                String subject = "key_" + s;
                chargers.add(threads.submit(() -> {
                    go.await();
                    for (long n = 1; n <= charges; n++) {
                        letGoAtOnce.charged(subject, "t1", state(DAY, n, 0, n));
                        if (n % 64 == 0) {
                            Thread.yield(); // idle moments, so that drains let holders go while charges continue
                        }
                    }
                    return null;
                }));
            }
            Future<?> drains = threads.submit(() -> {
                go.await();
                while (charging.get()) {
                    drain(letGoAtOnce).values().forEach(row -> written.merge(row.subject(), row.allowed(), Math::max));
                }
                return null;
            });
            go.countDown();
            for (Future<?> charger : chargers) {
                charger.get(1, TimeUnit.MINUTES);
            }
            charging.set(false);
            drains.get(1, TimeUnit.MINUTES);
        } finally {
            threads.shutdownNow();
        }
        drain(letGoAtOnce).values().forEach(row -> written.merge(row.subject(), row.allowed(), Math::max));
        for (int s = 0; s < subjects; s++) {
            assertEquals(charges, written.get("key_" + s), "key_" + s + "'s last count");
        }
    }
}
