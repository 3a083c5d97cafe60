package dev.portcullis.ratelimit.boundary;

import dev.portcullis.ratelimit.control.LimitOverride;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** {@code "rate_limit": {"per_minute": …, "per_day": …}} in key and tenant bodies; either may be null. */
public record RateLimitBody(@Min(value = 1, message = "must be between 1 and 1000000000")
                            @Max(value = 1_000_000_000L, message = "must be between 1 and 1000000000") Long perMinute,
                            @Min(value = 1, message = "must be between 1 and 1000000000")
                            @Max(value = 1_000_000_000L, message = "must be between 1 and 1000000000") Long perDay) {

    public static RateLimitBody from(Long perMinute, Long perDay) {
        return perMinute == null && perDay == null ? null : new RateLimitBody(perMinute, perDay);
    }

    public LimitOverride override() {
        return new LimitOverride(perMinute, perDay);
    }
}
