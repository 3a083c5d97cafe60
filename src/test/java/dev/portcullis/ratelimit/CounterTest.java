package dev.portcullis.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.ratelimit.grid.Counter;
import dev.portcullis.ratelimit.grid.Decision;
import dev.portcullis.ratelimit.grid.Limits;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CounterTest {

    private static final Instant T0 = Instant.parse("2026-03-10T12:00:00Z");
    private static final Limits TEN_PER_MINUTE = new Limits(10, 1000);

    private static long[] fresh(Instant at) {
        return Counter.fresh(Counter.epochDay(at.toEpochMilli()), 0, 0);
    }

    private static Decision charge(long[] state, Limits limits, Instant at) {
        return Counter.charge(state, limits, at.toEpochMilli(), 1);
    }

    private static void burst(long[] state, Limits limits, Instant at, int n) {
        for (int i = 0; i < n; i++) {
            assertTrue(charge(state, limits, at).admitted(), "request " + (i + 1) + " of the burst");
        }
    }

    @Test
    void aFreshSubjectGetsTheWholeLimitAtOnceCountingDown() {
        long[] state = fresh(T0);
        for (int i = 1; i <= 10; i++) {
            Decision decision = charge(state, TEN_PER_MINUTE, T0);
            assertTrue(decision.admitted());
            assertEquals(10 - i, decision.minuteRemaining());
        }
        Decision refused = charge(state, TEN_PER_MINUTE, T0);
        assertFalse(refused.admitted());
        assertEquals(Decision.Window.MINUTE, refused.refusedBy());
        assertEquals(0, refused.remaining());
        assertEquals(6, refused.retryAfter(), "one request every 6 s at 10 per minute");
    }

    @Test
    void afterABurstTheNextRequestIsAdmittedOneEmissionIntervalLater() {
        long[] state = fresh(T0);
        burst(state, TEN_PER_MINUTE, T0, 10);
        assertFalse(charge(state, TEN_PER_MINUTE, T0.plusMillis(5_900)).admitted());
        assertTrue(charge(state, TEN_PER_MINUTE, T0.plusMillis(6_100)).admitted());
    }

    @Test
    void theWholeLimitIsBackSixtySecondsAfterABurstAndNotBefore() {
        long[] atEdge = fresh(T0);
        burst(atEdge, TEN_PER_MINUTE, T0, 10);
        burst(atEdge, TEN_PER_MINUTE, T0.plusMillis(59_900), 9);
        assertFalse(charge(atEdge, TEN_PER_MINUTE, T0.plusMillis(59_900)).admitted(), "at 59.9 s only 9 are back");

        long[] afterEdge = fresh(T0);
        burst(afterEdge, TEN_PER_MINUTE, T0, 10);
        burst(afterEdge, TEN_PER_MINUTE, T0.plusMillis(60_100), 10);
        assertFalse(charge(afterEdge, TEN_PER_MINUTE, T0.plusMillis(60_100)).admitted());
    }

    @Test
    void resetIsWhenTheWholeMinuteLimitIsBack() {
        long[] state = fresh(T0);
        Decision first = charge(state, TEN_PER_MINUTE, T0);
        assertEquals(T0.getEpochSecond() + 6, first.minuteReset());
        burst(state, TEN_PER_MINUTE, T0, 9);
        assertEquals(T0.getEpochSecond() + 60, charge(state, TEN_PER_MINUTE, T0).minuteReset());
    }

    @Test
    void theDayQuotaCountsTheUtcCalendarDay() {
        Limits threePerDay = new Limits(100, 3);
        Instant lastSecond = Instant.parse("2026-03-10T23:59:59Z");
        long[] state = fresh(lastSecond);
        burst(state, threePerDay, lastSecond, 3);
        Decision refused = charge(state, threePerDay, lastSecond.plusMillis(999));
        assertFalse(refused.admitted());
        assertEquals(Decision.Window.DAY, refused.refusedBy());
        assertEquals(Instant.parse("2026-03-11T00:00:00Z").getEpochSecond(), refused.dayReset());
        assertEquals(1, refused.retryAfter());

        Decision nextDay = charge(state, threePerDay, Instant.parse("2026-03-11T00:00:00Z"));
        assertTrue(nextDay.admitted());
        assertEquals(2, nextDay.dayRemaining());
    }

    @Test
    void aRequestRefusedByTheMinuteWindowConsumesNoDayQuota() {
        Limits limits = new Limits(2, 5);
        long[] state = fresh(T0);
        burst(state, limits, T0, 2);
        for (int i = 0; i < 10; i++) {
            assertEquals(Decision.Window.MINUTE, charge(state, limits, T0).refusedBy());
        }
        assertEquals(2, Counter.allowedToday(state));
        assertEquals(10, Counter.refusedToday(state));
        Decision later = charge(state, limits, T0.plusSeconds(60));
        assertEquals(2, later.dayRemaining());
    }

    @Test
    void aRequestRefusedByTheDayQuotaConsumesNoMinuteAllowance() {
        Limits limits = new Limits(5, 2);
        long[] state = fresh(T0);
        burst(state, limits, T0, 2);
        charge(state, limits, T0);
        Decision refused = charge(state, limits, T0);
        assertEquals(Decision.Window.DAY, refused.refusedBy());
        assertEquals(3, refused.minuteRemaining());
    }

    @Test
    void theTightestWindowIsTheOneWithFewerRequestsLeft() {
        long[] state = fresh(T0);
        Decision decision = charge(state, new Limits(60, 3), T0);
        assertEquals(Decision.Window.DAY, decision.tightest());
        assertEquals(3, decision.limit());
        assertEquals(2, decision.remaining());
        assertEquals("\"day\";r=2;t=43200", decision.rateLimitField(T0.getEpochSecond()));
        assertEquals("\"minute\";q=60;w=60, \"day\";q=3;w=86400", decision.limits().policy());
    }

    @Test
    void aPersistedDayCountCarriesOnAfterARestart() {
        long[] reloaded = Counter.fresh(Counter.epochDay(T0.toEpochMilli()), 99, 4);
        Decision decision = charge(reloaded, new Limits(60, 100), T0);
        assertTrue(decision.admitted());
        assertEquals(0, decision.dayRemaining());
        assertFalse(charge(reloaded, new Limits(60, 100), T0.plusSeconds(1)).admitted());
    }

    @Test
    void aBillionPerMinuteIsStillCountedExactly() {
        Limits huge = new Limits(Limits.MAX_PER_MINUTE, 5);
        long[] state = fresh(T0);
        burst(state, huge, T0, 5);
        assertEquals(Decision.Window.DAY, charge(state, huge, T0).refusedBy());
        assertEquals(Limits.MAX_PER_MINUTE - 1, charge(fresh(T0), huge, T0).minuteRemaining());
    }

    @Test
    void aRefusedMinuteRequestNamesTheSecondsUntilTheNextAdmission() {
        Limits limits = new Limits(60, 1000);
        long[] state = fresh(T0);
        burst(state, limits, T0, 60);
        Decision refused = charge(state, limits, T0.plusMillis(200));
        assertEquals(1, refused.retryAfter());
    }

    @Test
    void aCostlyRequestSpendsItsWholeCostInBothWindows() {
        long[] state = fresh(T0);
        Decision fiveOfTen = Counter.charge(state, TEN_PER_MINUTE, T0.toEpochMilli(), 5);
        assertTrue(fiveOfTen.admitted());
        assertEquals(5, fiveOfTen.minuteRemaining());
        assertEquals(995, fiveOfTen.dayRemaining());
        assertTrue(Counter.charge(state, TEN_PER_MINUTE, T0.toEpochMilli(), 5).admitted(), "the other five");
        assertFalse(charge(state, TEN_PER_MINUTE, T0).admitted(), "nothing left");
    }

    @Test
    void aCostlyRequestThatDoesNotFitWholeIsRefusedAndSpendsNothing() {
        long[] state = fresh(T0);
        burst(state, TEN_PER_MINUTE, T0, 7);
        Decision refused = Counter.charge(state, TEN_PER_MINUTE, T0.toEpochMilli(), 5);
        assertFalse(refused.admitted(), "three left, five asked");
        assertEquals(Decision.Window.MINUTE, refused.refusedBy());
        assertEquals(12, refused.retryAfter(), "two more units come back in 2 x 6 s");
        assertEquals(3, charge(state, TEN_PER_MINUTE, T0).minuteRemaining() + 1, "the three are still there");
        assertEquals(8, Counter.allowedToday(state), "the day counted only what was admitted");
    }

    @Test
    void theDayQuotaRefusesACostThatWouldPassIt() {
        Limits tenPerDay = new Limits(1000, 10);
        long[] state = fresh(T0);
        assertTrue(Counter.charge(state, tenPerDay, T0.toEpochMilli(), 8).admitted());
        Decision refused = Counter.charge(state, tenPerDay, T0.toEpochMilli(), 3);
        assertFalse(refused.admitted());
        assertEquals(Decision.Window.DAY, refused.refusedBy());
        assertTrue(Counter.charge(state, tenPerDay, T0.toEpochMilli(), 2).admitted(), "what still fits is admitted");
    }
}
