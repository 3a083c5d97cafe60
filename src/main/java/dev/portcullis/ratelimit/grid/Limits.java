package dev.portcullis.ratelimit.grid;

import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A per-minute limit (1 to a billion) and a per-day quota (at least 1). */
public record Limits(long perMinute, long perDay) implements Serializable {

    public static final long MAX_PER_MINUTE = 1_000_000_000L;

    public Limits {
        if (perMinute < 1 || perMinute > MAX_PER_MINUTE || perDay < 1) {
            throw new IllegalArgumentException("per minute must be 1 to " + MAX_PER_MINUTE + ", per day at least 1");
        }
    }

    /** The IETF draft {@code RateLimit-Policy} field for these limits (built once per distinct pair). */
    public String policy() {
        return POLICIES.computeIfAbsent(this, l -> "\"minute\";q=" + l.perMinute + ";w=60, \"day\";q=" + l.perDay + ";w=86400");
    }

    private static final Map<Limits, String> POLICIES = new ConcurrentHashMap<>();

    public boolean within(Limits other) {
        return perMinute <= other.perMinute && perDay <= other.perDay;
    }
}
