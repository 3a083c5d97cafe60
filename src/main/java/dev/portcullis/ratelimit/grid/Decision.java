package dev.portcullis.ratelimit.grid;

/**
 * The outcome of charging one request: admitted or refused (and by which window), and where both
 * windows stand afterwards. Resets are epoch seconds; {@code retryAfter} is seconds, at least 1.
 */
public record Decision(boolean admitted, Window refusedBy, Limits limits, long minuteRemaining, long minuteReset,
                       long dayRemaining, long dayReset, long retryAfter) {

    public enum Window { MINUTE, DAY }

    /** The window closest to exhaustion: the one that refused, else the one with fewer requests left. */
    public Window tightest() {
        if (refusedBy != null) {
            return refusedBy;
        }
        return dayRemaining < minuteRemaining ? Window.DAY : Window.MINUTE;
    }

    public long limit() {
        return tightest() == Window.DAY ? limits.perDay() : limits.perMinute();
    }

    public long remaining() {
        return tightest() == Window.DAY ? dayRemaining : minuteRemaining;
    }

    public long reset() {
        return tightest() == Window.DAY ? dayReset : minuteReset;
    }

    /** The IETF draft {@code RateLimit} field: the tightest window, what is left, seconds to its reset. */
    public String rateLimitField(long nowEpochSecond) {
        String name = tightest() == Window.DAY ? "day" : "minute";
        return "\"" + name + "\";r=" + remaining() + ";t=" + Math.max(0, reset() - nowEpochSecond);
    }

    public static final int ENCODED_LENGTH = 7;

    long[] encode() {
        return new long[] {admitted ? 1 : 0, refusedBy == null ? 0 : refusedBy.ordinal() + 1, minuteRemaining,
                minuteReset, dayRemaining, dayReset, retryAfter};
    }

    public static Decision decode(long[] encoded, Limits limits) {
        Window refusedBy = encoded[1] == 0 ? null : Window.values()[(int) encoded[1] - 1];
        return new Decision(encoded[0] == 1, refusedBy, limits, encoded[2], encoded[3], encoded[4], encoded[5], encoded[6]);
    }
}
