package dev.portcullis.ratelimit.control;

import dev.portcullis.ratelimit.grid.Bucket;
import dev.portcullis.ratelimit.grid.Decide;

/**
 * That a key has credits, and how they are refilled: never, every UTC day, or every month on
 * {@code dayOfMonth} (the month's last day if it is shorter), back to {@code amount}.
 */
public record CreditTerms(Bucket.Refill refill, long amount, int dayOfMonth) {

    public static final CreditTerms NEVER_REFILLED = new CreditTerms(Bucket.Refill.NONE, 0, 0);

    /** The refill period that {@code nowMillis} is in (0 for credits never refilled). */
    public long periodAt(long nowMillis) {
        return refill == Bucket.Refill.NONE ? 0 : Decide.period(Bucket.credits("credits", "", 1, refill, amount, dayOfMonth), nowMillis);
    }
}
