package dev.portcullis.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.identities.entity.Identity;
import dev.portcullis.ratelimit.control.ChargePlan;
import dev.portcullis.ratelimit.control.CreditTerms;
import dev.portcullis.ratelimit.control.LimitOverride;
import dev.portcullis.ratelimit.control.Limits;
import dev.portcullis.ratelimit.control.NamedLimit;
import dev.portcullis.ratelimit.grid.Bucket;
import dev.portcullis.ratelimit.grid.Charge;
import dev.portcullis.ratelimit.grid.CreditAdjustment;
import dev.portcullis.ratelimit.grid.Decide;
import dev.portcullis.ratelimit.grid.Decision;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The arithmetic of a decision at its edges: GCRA minute windows, UTC days, costs, credits and their
 * refills, named limits, identities shared by keys, and that a refused request spends nothing.
 */
class DecideTest {

    private static final Instant T0 = Instant.parse("2026-03-10T12:00:00Z");
    private static final Limits TEN_PER_MINUTE = new Limits(10, 1000);

    /** One entry, as the grid or a lone node holds it. */
    private final Map<String, long[]> entry = new HashMap<>();

    private Decision charge(Limits limits, Instant at) {
        return charge(limits, at, 1);
    }

    private Decision charge(Limits limits, Instant at, long cost) {
        return decide(ChargePlan.of("key_a", limits, null, List.of(), null, cost, Map.of()), at);
    }

    private Decision decide(List<Bucket> buckets, Instant at) {
        Map<String, long[]> seeds = new HashMap<>();
        for (Bucket bucket : buckets) {
            if (bucket.kind() == Bucket.Kind.DAY) {
                seeds.put(bucket.name(), Decide.day(Decide.epochDay(at.toEpochMilli()), 0, 0, 0));
            }
        }
        return Decide.apply(entry, new Charge(buckets, at.toEpochMilli(), seeds));
    }

    private void burst(Limits limits, Instant at, int n) {
        for (int i = 0; i < n; i++) {
            assertTrue(charge(limits, at).admitted(), "request " + (i + 1) + " of the burst");
        }
    }

    private static Decision.Standing standing(Decision decision, String label) {
        return decision.standings().stream().filter(s -> s.label().equals(label)).findFirst().orElseThrow();
    }

    private long dayCount(int index) {
        return entry.get("day")[index];
    }

    @Test
    void aFreshSubjectGetsTheWholeLimitAtOnceCountingDown() {
        for (int i = 1; i <= 10; i++) {
            Decision decision = charge(TEN_PER_MINUTE, T0);
            assertTrue(decision.admitted());
            assertEquals(10 - i, standing(decision, "minute").remaining());
        }
        Decision refused = charge(TEN_PER_MINUTE, T0);
        assertFalse(refused.admitted());
        assertEquals("minute", refused.refusedBy());
        assertEquals(0, refused.remaining());
        assertEquals(6, refused.retryAfter(), "one request every 6 s at 10 per minute");
    }

    @Test
    void afterABurstTheNextRequestIsAdmittedOneEmissionIntervalLater() {
        burst(TEN_PER_MINUTE, T0, 10);
        assertFalse(charge(TEN_PER_MINUTE, T0.plusMillis(5_900)).admitted());
        assertTrue(charge(TEN_PER_MINUTE, T0.plusMillis(6_100)).admitted());
    }

    @Test
    void theWholeLimitIsBackSixtySecondsAfterABurstAndNotBefore() {
        burst(TEN_PER_MINUTE, T0, 10);
        burst(TEN_PER_MINUTE, T0.plusMillis(59_900), 9);
        assertFalse(charge(TEN_PER_MINUTE, T0.plusMillis(59_900)).admitted(), "at 59.9 s only 9 are back");

        entry.clear();
        burst(TEN_PER_MINUTE, T0, 10);
        burst(TEN_PER_MINUTE, T0.plusMillis(60_100), 10);
        assertFalse(charge(TEN_PER_MINUTE, T0.plusMillis(60_100)).admitted());
    }

    @Test
    void resetIsWhenTheWholeMinuteLimitIsBack() {
        assertEquals(T0.getEpochSecond() + 6, standing(charge(TEN_PER_MINUTE, T0), "minute").reset());
        burst(TEN_PER_MINUTE, T0, 8);
        assertEquals(T0.getEpochSecond() + 60, standing(charge(TEN_PER_MINUTE, T0), "minute").reset());
    }

    @Test
    void theDayQuotaCountsTheUtcCalendarDay() {
        Limits threePerDay = new Limits(100, 3);
        Instant lastSecond = Instant.parse("2026-03-10T23:59:59Z");
        burst(threePerDay, lastSecond, 3);
        Decision refused = charge(threePerDay, lastSecond.plusMillis(999));
        assertFalse(refused.admitted());
        assertEquals("day", refused.refusedBy());
        assertEquals(Instant.parse("2026-03-11T00:00:00Z").getEpochSecond(), standing(refused, "day").reset());
        assertEquals(1, refused.retryAfter());

        Decision nextDay = charge(threePerDay, Instant.parse("2026-03-11T00:00:00Z"));
        assertTrue(nextDay.admitted());
        assertEquals(2, standing(nextDay, "day").remaining());
    }

    @Test
    void aRequestRefusedByTheMinuteWindowConsumesNoDayQuota() {
        Limits limits = new Limits(2, 5);
        burst(limits, T0, 2);
        for (int i = 0; i < 10; i++) {
            assertEquals("minute", charge(limits, T0).refusedBy());
        }
        assertEquals(2, dayCount(Decide.DAY_ALLOWED));
        assertEquals(10, dayCount(Decide.DAY_REFUSED));
        assertEquals(2, standing(charge(limits, T0.plusSeconds(60)), "day").remaining());
    }

    @Test
    void aRequestRefusedByTheDayQuotaConsumesNoMinuteAllowance() {
        Limits limits = new Limits(5, 2);
        burst(limits, T0, 2);
        charge(limits, T0);
        Decision refused = charge(limits, T0);
        assertEquals("day", refused.refusedBy());
        assertEquals(3, standing(refused, "minute").remaining());
    }

    @Test
    void theTightestWindowIsTheOneWithFewerRequestsLeft() {
        Decision decision = charge(new Limits(60, 3), T0);
        assertEquals("day", decision.tightest().label());
        assertEquals(3, decision.limit());
        assertEquals(2, decision.remaining());
        assertEquals("\"day\";r=2;t=43200", decision.tightest().rateLimitField(T0.getEpochSecond()));
        assertEquals("\"minute\";q=60;w=60, \"day\";q=3;w=86400", decision.policy());
    }

    @Test
    void aPersistedDayCountCarriesOnAfterARestart() {
        List<Bucket> buckets = ChargePlan.of("key_a", new Limits(60, 100), null, List.of(), null, 1, Map.of());
        Decision decision = Decide.apply(entry, new Charge(buckets, T0.toEpochMilli(),
                Map.of("day", Decide.day(Decide.epochDay(T0.toEpochMilli()), 99, 4, 0))));
        assertTrue(decision.admitted());
        assertEquals(0, standing(decision, "day").remaining());
        assertFalse(charge(new Limits(60, 100), T0.plusSeconds(1)).admitted());
    }

    @Test
    void aBucketWhosePersistedStateIsMissingIsAskedForAndNothingIsCharged() {
        List<Bucket> buckets = ChargePlan.of("key_a", TEN_PER_MINUTE, null, List.of(), null, 1, Map.of());
        Decision decision = Decide.apply(entry, new Charge(buckets, T0.toEpochMilli()));
        assertTrue(decision.needsSeeds());
        assertEquals(List.of("day"), decision.missing());
        assertTrue(entry.isEmpty());
    }

    @Test
    void aBillionPerMinuteIsStillCountedExactly() {
        Limits huge = new Limits(Limits.MAX_PER_MINUTE, 5);
        burst(huge, T0, 5);
        assertEquals("day", charge(huge, T0).refusedBy());
        entry.clear();
        assertEquals(Limits.MAX_PER_MINUTE - 1, standing(charge(huge, T0), "minute").remaining());
    }

    @Test
    void aRefusedMinuteRequestNamesTheSecondsUntilTheNextAdmission() {
        Limits limits = new Limits(60, 1000);
        burst(limits, T0, 60);
        assertEquals(1, charge(limits, T0.plusMillis(200)).retryAfter());
    }

    @Test
    void aCostlyRequestSpendsItsWholeCostInBothWindows() {
        Decision fiveOfTen = charge(TEN_PER_MINUTE, T0, 5);
        assertTrue(fiveOfTen.admitted());
        assertEquals(5, standing(fiveOfTen, "minute").remaining());
        assertEquals(995, standing(fiveOfTen, "day").remaining());
        assertTrue(charge(TEN_PER_MINUTE, T0, 5).admitted(), "the other five");
        assertFalse(charge(TEN_PER_MINUTE, T0).admitted(), "nothing left");
    }

    @Test
    void aCostlyRequestThatDoesNotFitWholeIsRefusedAndSpendsNothing() {
        burst(TEN_PER_MINUTE, T0, 7);
        Decision refused = charge(TEN_PER_MINUTE, T0, 5);
        assertFalse(refused.admitted(), "three left, five asked");
        assertEquals("minute", refused.refusedBy());
        assertEquals(12, refused.retryAfter(), "two more units come back in 2 x 6 s");
        assertEquals(2, standing(charge(TEN_PER_MINUTE, T0), "minute").remaining(), "the three were still there");
        assertEquals(8, dayCount(Decide.DAY_ALLOWED), "the day counted only what was admitted");
    }

    @Test
    void theDayQuotaRefusesACostThatWouldPassIt() {
        Limits tenPerDay = new Limits(1000, 10);
        assertTrue(charge(tenPerDay, T0, 8).admitted());
        Decision refused = charge(tenPerDay, T0, 3);
        assertFalse(refused.admitted());
        assertEquals("day", refused.refusedBy());
        assertTrue(charge(tenPerDay, T0, 2).admitted(), "what still fits is admitted");
    }

    private List<Bucket> withCredits(CreditTerms terms, long cost) {
        return ChargePlan.of("key_a", TEN_PER_MINUTE, terms, List.of(), null, cost, Map.of());
    }

    private Decision spend(CreditTerms terms, long[] persisted, Instant at) {
        List<Bucket> buckets = withCredits(terms, 1);
        return Decide.apply(entry, new Charge(buckets, at.toEpochMilli(), Map.of(
                "day", Decide.day(Decide.epochDay(at.toEpochMilli()), 0, 0, 0), "credits", persisted)));
    }

    @Test
    void creditsAreSpentToTheLastAndThenRefusedWithoutChargingTheWindows() {
        long[] two = Decide.credits(2, 0, 0);
        assertTrue(spend(CreditTerms.NEVER_REFILLED, two, T0).admitted());
        Decision last = spend(CreditTerms.NEVER_REFILLED, two, T0);
        assertTrue(last.admitted());
        assertEquals(0, last.credits().orElseThrow().remaining());
        assertEquals(0, last.persisted().get("credits")[Decide.CREDITS_REMAINING], "what is written before the answer");

        Decision out = spend(CreditTerms.NEVER_REFILLED, two, T0);
        assertFalse(out.admitted());
        assertTrue(out.outOfCredits());
        assertEquals(0, out.retryAfter(), "credits that are never refilled come back by no waiting");
        assertEquals(8, standing(out, "minute").remaining(), "the refused request spent no window");
        assertEquals(2, dayCount(Decide.DAY_ALLOWED));
        assertEquals(1, dayCount(Decide.DAY_REFUSED));
    }

    @Test
    void runningOutOfCreditsIsWhatTheClientHearsEvenWhenAWindowIsFullToo() {
        burst(TEN_PER_MINUTE, T0, 10);
        Decision out = spend(CreditTerms.NEVER_REFILLED, Decide.credits(0, 0, 0), T0);
        assertTrue(out.outOfCredits());
        assertEquals("credits", out.refusedBy());
    }

    @Test
    void dailyCreditsAreRefilledAtMidnightUtc() {
        CreditTerms daily = new CreditTerms(Bucket.Refill.DAILY, 3, 0);
        Instant evening = Instant.parse("2026-03-10T23:59:59Z");
        long today = Decide.epochDay(evening.toEpochMilli());
        Decision out = spend(daily, Decide.credits(0, today, 0), evening);
        assertTrue(out.outOfCredits());
        assertEquals(1, out.retryAfter(), "one second to midnight");
        Decision refilled = spend(daily, Decide.credits(0, today, 0), Instant.parse("2026-03-11T00:00:00Z"));
        assertTrue(refilled.admitted());
        assertEquals(2, refilled.credits().orElseThrow().remaining(), "three again, one spent");
        assertEquals(today + 1, refilled.persisted().get("credits")[Decide.CREDITS_PERIOD]);
    }

    @Test
    void monthlyCreditsAreRefilledOnTheirDayOrTheMonthsLastIfItIsShorter() {
        CreditTerms onThe31st = new CreditTerms(Bucket.Refill.MONTHLY, 100, 31);
        Instant feb27 = Instant.parse("2026-02-27T10:00:00Z");
        Decision before = spend(onThe31st, Decide.credits(0, 0, 0), feb27);
        // Last refilled on 31 January: period of January; a seed of an older period is refilled first.
        assertTrue(before.admitted());
        assertEquals(Instant.parse("2026-02-28T00:00:00Z").getEpochSecond(), before.credits().orElseThrow().reset(),
                "February has no 31st: its last day");
        entry.clear();
        Decision spentOut = spend(onThe31st, before.persisted().get("credits").clone(), feb27);
        assertEquals(98, spentOut.credits().orElseThrow().remaining());
        entry.clear();
        long[] empty = Decide.credits(0, before.persisted().get("credits")[Decide.CREDITS_PERIOD], 0);
        assertFalse(spend(onThe31st, empty, Instant.parse("2026-02-27T23:59:59Z")).admitted());
        entry.clear();
        assertTrue(spend(onThe31st, empty, Instant.parse("2026-02-28T00:00:00Z")).admitted(), "refilled on the 28th");
    }

    @Test
    void aNamedLimitIsChargedOnlyWhenAskedForAndRefusesWithoutChargingTheRest() {
        List<NamedLimit> tokens = List.of(new NamedLimit("tokens", 1000, Duration.ofHours(1)));
        List<Bucket> asked = ChargePlan.of("key_a", TEN_PER_MINUTE, null, tokens, null, 1, Map.of("tokens", 600L));
        List<Bucket> notAsked = ChargePlan.of("key_a", TEN_PER_MINUTE, null, tokens, null, 1, Map.of());
        assertTrue(decide(asked, T0).admitted());
        Decision refused = decide(asked, T0);
        assertFalse(refused.admitted());
        assertEquals("tokens", refused.refusedBy());
        assertEquals(720, refused.retryAfter(), "200 more tokens come back in 200 x 3.6 s");
        assertEquals(8, standing(decide(notAsked, T0), "minute").remaining(), "the first and this one: the refusal spent none");
        assertEquals("\"minute\";q=10;w=60, \"day\";q=1000;w=86400, \"tokens\";q=1000;w=3600", refused.policy());
    }

    @Test
    void theKeysOfAnIdentityShareItsLimitsAndAreChargedToBothOrNeither() {
        ChargePlan.Identity customer = new ChargePlan.Identity("identity_c", new LimitOverride(null, 3L), List.of());
        List<Bucket> keyA = ChargePlan.of("key_a", TEN_PER_MINUTE, null, List.of(), customer, 1, Map.of());
        List<Bucket> keyB = ChargePlan.of("key_b", TEN_PER_MINUTE, null, List.of(), customer, 1, Map.of());
        assertTrue(decide(keyA, T0).admitted());
        assertTrue(decide(keyB, T0).admitted());
        assertTrue(decide(keyA, T0).admitted());
        Decision refused = decide(keyB, T0);
        assertFalse(refused.admitted(), "the identity's third of three was the key_a's second");
        assertEquals("identity:day", refused.refusedBy());
        assertEquals(9, standing(refused, "minute").remaining(), "key_b's own minute was not charged");
        assertEquals(1, entry.get("key_b/day")[Decide.DAY_ALLOWED]);
        assertEquals(1, entry.get("key_b/day")[Decide.DAY_REFUSED]);
        assertEquals(3, entry.get("identity/day")[Decide.DAY_ALLOWED]);
    }

    @Test
    void theStatesADecisionAnswersStayAsAnsweredWhileTheEntryChangesItsOwnArrays() {
        Decision first = charge(TEN_PER_MINUTE, T0);
        long[] kept = entry.get("day");
        Decision second = charge(TEN_PER_MINUTE, T0.plusSeconds(1));
        assertEquals(1, first.persisted().get("day")[Decide.DAY_ALLOWED], "the first answer, read after the second decision");
        assertEquals(2, second.persisted().get("day")[Decide.DAY_ALLOWED]);
        assertSame(kept, entry.get("day"), "the entry's own array, changed: a charge leaves no new array behind");
        assertEquals(2, kept[Decide.DAY_ALLOWED]);
        assertNotSame(kept, second.persisted().get("day"));
    }

    @Test
    void anAdjustmentsAnswerStaysAsAnsweredWhenTheNextChargeSpends() {
        Bucket credits = ChargePlan.credits("key_a", null, CreditTerms.NEVER_REFILLED, 1);
        long[] adjusted = new CreditAdjustment(credits, false, 5, T0.toEpochMilli(), Decide.credits(0, 0, 0)).apply(entry);
        assertTrue(spend(CreditTerms.NEVER_REFILLED, Decide.credits(0, 0, 0), T0).admitted());
        assertEquals(5, adjusted[Decide.CREDITS_REMAINING], "what the admin's change wrote, read after a spend");
        assertEquals(4, entry.get("credits")[Decide.CREDITS_REMAINING]);
    }
}
