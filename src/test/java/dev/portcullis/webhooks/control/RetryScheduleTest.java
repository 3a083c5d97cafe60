package dev.portcullis.webhooks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Exponential backoff from the base, capped, given up a day after the event. */
class RetryScheduleTest {

    private static final RetrySchedule DEFAULTS = new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofDays(1));
    private static final Instant CREATED = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void theWaitDoublesFromTheBaseAfterEachFailureUpToTheLongest() {
        assertEquals(Duration.ofSeconds(30), DEFAULTS.delayAfter(1));
        assertEquals(Duration.ofSeconds(60), DEFAULTS.delayAfter(2));
        assertEquals(Duration.ofSeconds(120), DEFAULTS.delayAfter(3));
        assertEquals(Duration.ofSeconds(30 * 64), DEFAULTS.delayAfter(7));
        assertEquals(Duration.ofHours(1), DEFAULTS.delayAfter(8), "30 s × 128 is past an hour");
        assertEquals(Duration.ofHours(1), DEFAULTS.delayAfter(1_000), "no overflow however many failures");
    }

    @Test
    void theNextAttemptIsTheWaitAfterNow() {
        Instant now = CREATED.plusSeconds(95);
        assertEquals(Optional.of(now.plusSeconds(120)), DEFAULTS.next(CREATED, 3, now));
    }

    @Test
    void anAttemptThatWouldFallPastADayAfterTheEventIsNotMadeAndTheDeliveryFails() {
        Instant late = CREATED.plus(Duration.ofDays(1)).minus(Duration.ofMinutes(30));
        assertEquals(Optional.empty(), DEFAULTS.next(CREATED, 20, late), "an hour from now is past the day");
        assertEquals(Optional.of(late.plusSeconds(30 * 8)), DEFAULTS.next(CREATED, 4, late));
    }

    @Test
    void aDayOfFailuresWithTheDefaultsIsAboutThirtyAttempts() {
        Instant now = CREATED;
        int attempts = 1;
        Optional<Instant> next;
        while ((next = DEFAULTS.next(CREATED, attempts, now)).isPresent()) {
            now = next.get();
            attempts++;
        }
        assertTrue(attempts >= 25 && attempts <= 35, attempts + " attempts");
        assertTrue(!now.isAfter(CREATED.plus(Duration.ofDays(1))), "the last attempt is within the day: " + now);
    }

    @Test
    void settingsThatMakeNoScheduleAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ZERO, Duration.ofHours(1), Duration.ofDays(1)));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofDays(1)));
    }
}
