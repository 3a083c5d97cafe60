package dev.portcullis.ratelimit.grid;

/**
 * The rate-limit arithmetic for one subject, on a plain {@code long[]} so that the Data Grid can keep
 * and ship it without application classes.
 *
 * <p>Minute window, GCRA: with limit L the emission interval is T = 60 s / L and the tolerance is
 * (L − 1)·T. A fresh subject may send L requests at once; after that one more every T; 60 s after a
 * burst all L are available again. At the edge: after a burst of L at t = 0, a request at T − ε is
 * refused and one at T + ε admitted; at 59.9 s L − 1 are available, at 60.1 s all L.
 *
 * <p>Day window: a count per UTC calendar day, reset at 00:00:00 UTC; the day of a request is decided
 * by its instant, so 23:59:59.999 still counts for the old day.
 *
 * <p>A request may cost more than one (a resource's {@code @Cost}): it is admitted only if all its units
 * fit in both windows at once, and then spends them all; the day counts units.
 *
 * <p>A request refused by either window changes neither window; it only counts as refused.
 */
public final class Counter {

    static final int TAT_NANOS = 0;
    static final int DAY = 1;
    static final int DAY_ALLOWED = 2;
    static final int DAY_REFUSED = 3;
    static final int LAST_USED_MILLIS = 4;
    static final int LENGTH = 5;

    /** Nanoseconds keep the emission interval exact enough up to a billion requests a minute (60 ns). */
    private static final long NANOS_PER_MINUTE = 60_000_000_000L;
    private static final long NANOS_PER_MILLI = 1_000_000L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private Counter() {
    }

    public static long[] fresh(long epochDay, long allowed, long refused) {
        long[] state = new long[LENGTH];
        state[DAY] = epochDay;
        state[DAY_ALLOWED] = allowed;
        state[DAY_REFUSED] = refused;
        return state;
    }

    public static long epochDay(long epochMillis) {
        return Math.floorDiv(epochMillis, MILLIS_PER_DAY);
    }

    public static long dayOf(long[] state) {
        return state[DAY];
    }

    public static long allowedToday(long[] state) {
        return state[DAY_ALLOWED];
    }

    public static long refusedToday(long[] state) {
        return state[DAY_REFUSED];
    }

    public static long lastUsedMillis(long[] state) {
        return state[LAST_USED_MILLIS];
    }

    /** Charges one request of {@code cost} units at {@code nowMillis}, updating {@code state} in place. */
    public static Decision charge(long[] state, Limits limits, long nowMillis, long cost) {
        long now = nowMillis * NANOS_PER_MILLI;
        long interval = NANOS_PER_MINUTE / limits.perMinute();
        long tolerance = interval * (limits.perMinute() - 1);
        long today = epochDay(nowMillis);
        if (state[DAY] != today) {
            state[DAY] = today;
            state[DAY_ALLOWED] = 0;
            state[DAY_REFUSED] = 0;
        }
        long dayReset = (today + 1) * (MILLIS_PER_DAY / 1000);
        long nowSecond = Math.floorDiv(nowMillis, 1000);
        long tat = Math.max(state[TAT_NANOS], now);

        // The last of the request's units must fit: GCRA for cost units at once.
        long last = tat + (cost - 1) * interval;
        if (last - now > tolerance) {
            state[DAY_REFUSED]++;
            long retry = Math.max(1, ceilDiv(last - tolerance - now, NANOS_PER_SECOND));
            return new Decision(false, Decision.Window.MINUTE, limits, 0, ceilDiv(tat, NANOS_PER_SECOND),
                    Math.max(0, limits.perDay() - state[DAY_ALLOWED]), dayReset, retry);
        }
        if (state[DAY_ALLOWED] + cost > limits.perDay()) {
            state[DAY_REFUSED]++;
            return new Decision(false, Decision.Window.DAY, limits, remaining(now, tat, interval, tolerance),
                    ceilDiv(tat, NANOS_PER_SECOND), 0, dayReset, Math.max(1, dayReset - nowSecond));
        }
        state[TAT_NANOS] = tat + cost * interval;
        state[DAY_ALLOWED] += cost;
        state[LAST_USED_MILLIS] = nowMillis;
        return new Decision(true, null, limits, remaining(now, state[TAT_NANOS], interval, tolerance),
                ceilDiv(state[TAT_NANOS], NANOS_PER_SECOND), limits.perDay() - state[DAY_ALLOWED], dayReset, 0);
    }

    /** Requests that would be admitted right now, given the theoretical arrival time {@code tat}. */
    private static long remaining(long now, long tat, long interval, long tolerance) {
        long slack = now + tolerance - tat;
        return slack < 0 ? 0 : slack / interval + 1;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
