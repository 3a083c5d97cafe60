package dev.portcullis.ratelimit.boundary;

import dev.portcullis.errors.ValidationFailed;
import dev.portcullis.ratelimit.control.LimitOverride;

/** {@code "rate_limit": {"per_minute": …, "per_day": …}} in key and tenant bodies; either may be null. */
public record RateLimitBody(Long perMinute, Long perDay) {

    public static RateLimitBody from(Long perMinute, Long perDay) {
        return perMinute == null && perDay == null ? null : new RateLimitBody(perMinute, perDay);
    }

    public LimitOverride validated() {
        check("rate_limit.per_minute", perMinute);
        check("rate_limit.per_day", perDay);
        return new LimitOverride(perMinute, perDay);
    }

    private static void check(String field, Long value) {
        if (value != null && (value < 1 || value > 1_000_000_000L)) {
            throw new ValidationFailed(field, field + " must be between 1 and 1000000000");
        }
    }
}
