package dev.portcullis.ratelimit.control;

import java.io.Serializable;

/** A per-minute limit and a per-day quota, both at least 1. */
public record Limits(long perMinute, long perDay) implements Serializable {

    public Limits {
        if (perMinute < 1 || perDay < 1) {
            throw new IllegalArgumentException("limits must be at least 1");
        }
    }

    /** The IETF draft {@code RateLimit-Policy} field for these limits. */
    public String policy() {
        return "\"minute\";q=" + perMinute + ";w=60, \"day\";q=" + perDay + ";w=86400";
    }

    public boolean within(Limits other) {
        return perMinute <= other.perMinute && perDay <= other.perDay;
    }
}
