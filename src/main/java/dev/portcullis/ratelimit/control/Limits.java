package dev.portcullis.ratelimit.control;


/** A per-minute limit (1 to a billion) and a per-day quota (at least 1). */
public record Limits(long perMinute, long perDay) {

    public static final long MAX_PER_MINUTE = 1_000_000_000L;

    public Limits {
        if (perMinute < 1 || perMinute > MAX_PER_MINUTE || perDay < 1) {
            throw new IllegalArgumentException("per minute must be 1 to " + MAX_PER_MINUTE + ", per day at least 1");
        }
    }

    public boolean within(Limits other) {
        return perMinute <= other.perMinute && perDay <= other.perDay;
    }
}
