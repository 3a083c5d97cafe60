package dev.portcullis.ratelimit.grid;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic of one decision, on one entry's bucket states (plain {@code long[]}s, so that the Data
 * Grid can keep and ship them without application classes). Either every bucket of the request admits
 * its cost and each is charged, or none is: a request refused by one limit spends nothing of another
 * (the subject's own day only counts it as refused). Pure: the same in the grid's entry processor and
 * in place on a member that is alone.
 */
public final class Decide {

    static final int TAT_NANOS = 0;
    static final int WINDOW_LENGTH = 1;

    public static final int DAY = 0;
    public static final int DAY_ALLOWED = 1;
    public static final int DAY_REFUSED = 2;
    public static final int LAST_USED_MILLIS = 3;
    static final int DAY_LENGTH = 4;

    public static final int CREDITS_REMAINING = 0;
    public static final int CREDITS_PERIOD = 1;
    public static final int CREDITS_GENERATION = 2;
    static final int CREDITS_LENGTH = 3;

    private static final long NANOS_PER_MILLI = 1_000_000L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private Decide() {
    }

    /**
     * Decides {@code charge} on {@code entry} (bucket name to state), updating it in place: a bucket's
     * state is written into the entry's own array where it has one, so that a charge leaves behind no
     * new object that outlives the request (at a hundred thousand active keys, such objects were what
     * made each young collection long). The states the decision answers are copies, never the entry's
     * arrays. Without a needed persisted state, changes nothing and names what is missing.
     */
    public static Decision apply(Map<String, long[]> entry, Charge charge) {
        List<String> missing = new ArrayList<>();
        for (Bucket bucket : charge.buckets()) {
            if (bucket.seeded() && !entry.containsKey(bucket.name()) && !charge.seeds().containsKey(bucket.name())) {
                missing.add(bucket.name());
            }
        }
        if (!missing.isEmpty()) {
            return Decision.missing(missing);
        }
        long now = charge.nowMillis();
        int size = charge.buckets().size();
        long[][] stored = new long[size][];
        long[][] states = new long[size][];
        long[] retry = new long[size];
        boolean admitted = true;
        for (int i = 0; i < size; i++) {
            Bucket bucket = charge.buckets().get(i);
            stored[i] = entry.get(bucket.name());
            states[i] = rolledOver(bucket, stored[i] != null ? stored[i].clone() : start(bucket, charge.seeds().get(bucket.name())), now);
            retry[i] = wait(bucket, states[i], now);
            admitted &= retry[i] == 0;
        }
        String refusedBy = null;
        Bucket.Kind refusedKind = null;
        long retryAfter = 0;
        for (int i = 0; i < size; i++) {
            Bucket bucket = charge.buckets().get(i);
            if (admitted) {
                spend(bucket, states[i], now);
            } else {
                if (bucket.usage()) {
                    states[i][DAY_REFUSED]++;
                }
                if (retry[i] != 0 && outranks(bucket.kind(), retry[i], refusedKind, retryAfter)) {
                    refusedBy = bucket.label();
                    refusedKind = bucket.kind();
                    retryAfter = Math.max(0, retry[i]);
                }
            }
        }
        List<Decision.Standing> standings = new ArrayList<>(size);
        Map<String, long[]> persisted = new HashMap<>(4);
        for (int i = 0; i < size; i++) {
            Bucket bucket = charge.buckets().get(i);
            standings.add(standing(bucket, states[i], now, admitted || retry[i] == 0));
            if (bucket.usage() || bucket.kind() == Bucket.Kind.CREDITS) {
                persisted.put(bucket.name(), states[i]);
            }
        }
        // Last, when nothing can throw any more: the entry is changed whole or not at all.
        for (int i = 0; i < size; i++) {
            keep(entry, charge.buckets().get(i).name(), stored[i], states[i]);
        }
        return new Decision(admitted, refusedBy, refusedKind, retryAfter, standings, persisted, List.of());
    }

    /** {@code state} as the entry's state of bucket {@code name}: into its array if it has one of that shape. */
    private static void keep(Map<String, long[]> entry, String name, long[] stored, long[] state) {
        if (stored != null && stored.length == state.length) {
            System.arraycopy(state, 0, stored, 0, state.length);
        } else {
            entry.put(name, state.clone());
        }
    }

    /**
     * Which refusal the client hears of: running out of credits first (waiting for a window does not help
     * it), else the limit it must wait longest for.
     */
    private static boolean outranks(Bucket.Kind kind, long retry, Bucket.Kind current, long currentRetry) {
        if (current == null) {
            return true;
        }
        if (current == Bucket.Kind.CREDITS || kind == Bucket.Kind.CREDITS) {
            return current != Bucket.Kind.CREDITS;
        }
        return retry > currentRetry;
    }

    /** A fresh day quota for {@code epochDay}, starting from counts that were persisted. */
    public static long[] day(long epochDay, long allowed, long refused, long lastUsedMillis) {
        return new long[] {epochDay, allowed, refused, lastUsedMillis};
    }

    /** A credit stock as persisted: what remains, of which refill period, set by which admin change. */
    public static long[] credits(long remaining, long period, long generation) {
        return new long[] {remaining, period, generation};
    }

    public static long epochDay(long epochMillis) {
        return Math.floorDiv(epochMillis, MILLIS_PER_DAY);
    }

    private static long[] start(Bucket bucket, long[] seed) {
        return switch (bucket.kind()) {
            case WINDOW -> new long[WINDOW_LENGTH];
            case DAY, CREDITS -> seed.clone();
        };
    }

    /** A new day starts the day's counts afresh; a refill boundary passed sets the credits to the refill. */
    private static long[] rolledOver(Bucket bucket, long[] state, long now) {
        if (bucket.kind() == Bucket.Kind.DAY && state[DAY] != epochDay(now)) {
            return day(epochDay(now), 0, 0, state[LAST_USED_MILLIS]);
        }
        if (bucket.kind() == Bucket.Kind.CREDITS && bucket.refill() != Bucket.Refill.NONE) {
            long period = period(bucket, now);
            if (state[CREDITS_PERIOD] < period) {
                return credits(bucket.refillAmount(), period, state[CREDITS_GENERATION]);
            }
        }
        return state;
    }

    /** 0 if the bucket admits the request's cost now; else seconds until it would (-1: never by itself). */
    private static long wait(Bucket bucket, long[] state, long now) {
        long cost = bucket.cost();
        switch (bucket.kind()) {
            case WINDOW -> {
                long nowNanos = now * NANOS_PER_MILLI;
                long interval = interval(bucket);
                long tolerance = interval * (bucket.limit() - 1);
                long last = Math.max(state[TAT_NANOS], nowNanos) + (cost - 1) * interval;
                return last - nowNanos <= tolerance ? 0 : Math.max(1, ceilDiv(last - tolerance - nowNanos, NANOS_PER_SECOND));
            }
            case DAY -> {
                return state[DAY_ALLOWED] + cost <= bucket.limit() ? 0
                        : Math.max(1, (state[DAY] + 1) * 86_400 - Math.floorDiv(now, 1000));
            }
            default -> {
                if (state[CREDITS_REMAINING] >= cost) {
                    return 0;
                }
                long refill = nextRefillSecond(bucket, now);
                return refill == 0 ? -1 : Math.max(1, refill - Math.floorDiv(now, 1000));
            }
        }
    }

    private static void spend(Bucket bucket, long[] state, long now) {
        switch (bucket.kind()) {
            case WINDOW -> state[TAT_NANOS] = Math.max(state[TAT_NANOS], now * NANOS_PER_MILLI) + bucket.cost() * interval(bucket);
            case DAY -> {
                state[DAY_ALLOWED] += bucket.cost();
                state[LAST_USED_MILLIS] = now;
            }
            default -> state[CREDITS_REMAINING] -= bucket.cost();
        }
    }

    private static Decision.Standing standing(Bucket bucket, long[] state, long now, boolean fits) {
        return switch (bucket.kind()) {
            case WINDOW -> {
                long nowNanos = now * NANOS_PER_MILLI;
                long interval = interval(bucket);
                long tat = Math.max(state[TAT_NANOS], nowNanos);
                long slack = nowNanos + interval * (bucket.limit() - 1) - tat;
                yield new Decision.Standing(bucket.name(), bucket.label(), bucket.kind(), bucket.limit(),
                        bucket.periodMillis() / 1000, !fits || slack < 0 ? 0 : slack / interval + 1,
                        ceilDiv(tat, NANOS_PER_SECOND));
            }
            case DAY -> new Decision.Standing(bucket.name(), bucket.label(), bucket.kind(), bucket.limit(), 86_400,
                    Math.max(0, bucket.limit() - state[DAY_ALLOWED]), (state[DAY] + 1) * 86_400);
            default -> new Decision.Standing(bucket.name(), bucket.label(), bucket.kind(), bucket.refillAmount(), 0,
                    state[CREDITS_REMAINING], nextRefillSecond(bucket, now));
        };
    }

    /** Nanoseconds between two requests at the limit's steady rate: exact enough up to a billion a minute. */
    private static long interval(Bucket bucket) {
        return bucket.periodMillis() * NANOS_PER_MILLI / bucket.limit();
    }

    /** A credit stock as it stands at {@code now}: refilled if a refill is due. */
    public static long[] rolledOverCredits(Bucket bucket, long[] state, long now) {
        return rolledOver(bucket, state.clone(), now);
    }

    /** The refill period {@code now} is in: the UTC day, or the month counted from its refill day. */
    public static long period(Bucket bucket, long now) {
        if (bucket.refill() == Bucket.Refill.DAILY) {
            return epochDay(now);
        }
        LocalDate today = LocalDate.ofEpochDay(epochDay(now));
        long month = today.getYear() * 12L + today.getMonthValue() - 1;
        return today.getDayOfMonth() >= refillDayOf(bucket, today) ? month : month - 1;
    }

    /** Epoch second of the next refill, or 0 for credits that are never refilled. */
    public static long nextRefillSecond(Bucket bucket, long now) {
        return switch (bucket.refill()) {
            case NONE -> 0;
            case DAILY -> (epochDay(now) + 1) * 86_400;
            case MONTHLY -> {
                long next = period(bucket, now) + 1;
                LocalDate first = LocalDate.of((int) Math.floorDiv(next, 12), (int) Math.floorMod(next, 12) + 1, 1);
                yield first.withDayOfMonth(refillDayOf(bucket, first)).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
            }
        };
    }

    private static int refillDayOf(Bucket bucket, LocalDate month) {
        return Math.min(Math.max(1, bucket.refillDay()), month.lengthOfMonth());
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
