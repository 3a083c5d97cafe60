package dev.portcullis.client;

/**
 * Uses a key may make, each admitted request spending its cost; out of credits is 402 {@code USAGE_EXCEEDED}.
 * In answers {@code remaining} is what remains now. A null {@code refill}: never refilled.
 */
public record Credits(long remaining, Refill refill) {

    public static Credits remaining(long remaining) {
        return new Credits(remaining, null);
    }

    public Credits withRefill(Refill refill) {
        return new Credits(remaining, refill);
    }

    /**
     * Back to {@code amount} at 00:00 UTC every day ({@code interval} "daily"), or on {@code dayOfMonth} of every
     * month ("monthly"; null - the 1st, the month's last day if it is shorter).
     */
    public record Refill(String interval, long amount, Integer dayOfMonth) {

        public static Refill daily(long amount) {
            return new Refill("daily", amount, null);
        }

        public static Refill monthly(long amount, int dayOfMonth) {
            return new Refill("monthly", amount, dayOfMonth);
        }
    }
}
