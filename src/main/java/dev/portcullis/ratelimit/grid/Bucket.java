package dev.portcullis.ratelimit.grid;

import java.io.Serializable;

/**
 * What one request asks of one of the counters it is charged to. A request's buckets are decided together
 * ({@link Decide}): all admit, or none is charged. {@code name} is the bucket's state in the entry (unique
 * there), {@code label} what clients are told ({@code minute}, {@code day}, {@code tokens},
 * {@code identity:minute}, …), {@code owner} whose persisted counts it holds (a key, a user, an identity).
 *
 * <ul>
 * <li>{@link Kind#WINDOW}: {@code limit} per {@code periodMillis}, GCRA: a burst of up to {@code limit},
 * then one more every period / limit; all of it back one period after a burst.</li>
 * <li>{@link Kind#DAY}: {@code limit} per UTC calendar day. The subject's own ({@code usage}) also counts
 * refused requests, for usage reports, and when it was last used.</li>
 * <li>{@link Kind#CREDITS}: a stock that requests spend and that only a refill ({@link Refill}, at a UTC
 * boundary, back to {@code refillAmount}) or an admin raises.</li>
 * </ul>
 */
public record Bucket(String name, String label, String owner, Kind kind, long limit, long periodMillis, long cost, boolean usage,
                     Refill refill, long refillAmount, int refillDay) implements Serializable {

    private static final long serialVersionUID = 1L;

    public enum Kind { WINDOW, DAY, CREDITS }

    public enum Refill { NONE, DAILY, MONTHLY }

    public static Bucket window(String name, String label, String owner, long limit, long periodMillis, long cost) {
        return new Bucket(name, label, owner, Kind.WINDOW, limit, periodMillis, cost, false, Refill.NONE, 0, 0);
    }

    /** {@code usage}: the day counts are the owner's usage, persisted; without, they start at 0 wherever they are missing. */
    public static Bucket day(String name, String label, String owner, long limit, long cost, boolean usage) {
        return new Bucket(name, label, owner, Kind.DAY, limit, 86_400_000L, cost, usage, Refill.NONE, 0, 0);
    }

    /** {@code refillDay}: the day of the month a monthly refill happens (the month's last day if it is shorter). */
    public static Bucket credits(String name, String owner, long cost, Refill refill, long refillAmount, int refillDay) {
        return new Bucket(name, "credits", owner, Kind.CREDITS, 0, 0, cost, false, refill, refillAmount, refillDay);
    }

    /** Whether a missing state of this bucket must be supplied (from the database, or as a fresh day). */
    public boolean seeded() {
        return kind != Kind.WINDOW;
    }
}
