package dev.portcullis.ratelimit.grid;

import java.util.Map;

/**
 * An admin's change to a key's credits, made where they are spent so that no spend is lost to it or
 * undoes it: set them to {@code amount}, or add {@code amount} to what remains now (after any refill that
 * is due). Either raises the stock's generation: the database then takes this state over every spend
 * made before it. Answers the new state, or null when the stock's persisted state must be supplied
 * first ({@code seed}).
 */
public record CreditAdjustment(Bucket bucket, boolean add, long amount, long nowMillis, long[] seed)
        implements EntryTask<long[]> {

    private static final long serialVersionUID = 1L;

    public CreditAdjustment withSeed(long[] persisted) {
        return new CreditAdjustment(bucket, add, amount, nowMillis, persisted);
    }

    @Override
    public long[] apply(Map<String, long[]> states) {
        long[] current = states.get(bucket.name());
        if (current == null && seed == null) {
            return null;
        }
        // What remains now, a refill included: the same rule as a charge's.
        long[] now = Decide.rolledOverCredits(bucket, current != null ? current : seed, nowMillis);
        long remaining = add ? Math.addExact(now[Decide.CREDITS_REMAINING], amount) : amount;
        long period = bucket.refill() == Bucket.Refill.NONE ? 0 : Decide.period(bucket, nowMillis);
        long[] next = Decide.credits(remaining, add ? now[Decide.CREDITS_PERIOD] : period, now[Decide.CREDITS_GENERATION] + 1);
        states.put(bucket.name(), next.clone());
        return next;
    }
}
