package dev.portcullis.webhooks.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed delivery is tried again: {@code base} after the first failure, doubling after each
 * further one up to {@code longest} between two attempts, for as long as {@code giveUpAfter} from the
 * event's creation; past that the delivery is given up. With the defaults (30 s, 1 h, 1 day) an endpoint
 * that stays down gets about 30 attempts. Pure, so that the schedule can be tested without waiting.
 */
public record RetrySchedule(Duration base, Duration longest, Duration giveUpAfter) {

    public RetrySchedule {
        if (base.isNegative() || base.isZero() || longest.compareTo(base) < 0 || giveUpAfter.isNegative()) {
            throw new IllegalArgumentException("webhooks retry settings: base > 0, max-interval >= base, retry-for >= 0; got "
                    + base + ", " + longest + ", " + giveUpAfter);
        }
    }

    /** The wait after the {@code failures}-th failed attempt (1 = the first). */
    public Duration delayAfter(int failures) {
        int doublings = Math.max(0, failures - 1);
        // 2^30 times any base above a nanosecond is beyond every sensible longest wait: no overflow below.
        if (doublings >= 30) {
            return longest;
        }
        Duration delay = base.multipliedBy(1L << doublings);
        return delay.compareTo(longest) > 0 ? longest : delay;
    }

    /** The next attempt of an event created at {@code created} after its {@code failures}-th failure at {@code now}; empty: give up. */
    public Optional<Instant> next(Instant created, int failures, Instant now) {
        Instant next = now.plus(delayAfter(failures));
        return next.isAfter(created.plus(giveUpAfter)) ? Optional.empty() : Optional.of(next);
    }
}
