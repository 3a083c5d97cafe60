package dev.portcullis.ratelimit.control;

import dev.portcullis.errors.ApiFailure;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * A key that has spent all its credits: 402, apart from the 429 of rate limiting, which waiting cures.
 * Credits come back only by their refill ({@code refill_at}, epoch seconds, with {@code Retry-After}) or an
 * admin's top-up.
 */
public class UsageExceeded extends ApiFailure {

    private final long retryAfter;

    public UsageExceeded(long refillAt, long retryAfter) {
        super(402, "USAGE_EXCEEDED", "This key has used all its credits");
        this.retryAfter = retryAfter;
        if (refillAt > 0) {
            with("refill_at", refillAt);
        }
    }

    @Override
    public void addHeaders(Response.ResponseBuilder response) {
        if (retryAfter > 0) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        }
    }
}
