package dev.portcullis.ratelimit.control;

import dev.portcullis.errors.ApiFailure;

/** The counter store did not answer: refuse rather than admit unmetered (unless configured to fail open). */
public class RateLimitUnavailable extends ApiFailure {

    public RateLimitUnavailable() {
        super(503, "RATE_LIMIT_UNAVAILABLE", "Rate limiting is temporarily unavailable; retry shortly");
    }
}
