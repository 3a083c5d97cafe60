package dev.portcullis.ratelimit.control;

import dev.portcullis.errors.ApiFailure;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** The seed's 429: {@code Retry-After} in seconds, and the same number as {@code retry_after} in the body. */
public class RateLimitExceeded extends ApiFailure {

    private final long retryAfter;

    public RateLimitExceeded(long retryAfter) {
        super(429, "RATE_LIMIT_EXCEEDED", "API rate limit exceeded");
        this.retryAfter = retryAfter;
        with("retry_after", retryAfter);
    }

    public long retryAfter() {
        return retryAfter;
    }

    @Override
    public void addHeaders(Response.ResponseBuilder response) {
        response.header(HttpHeaders.RETRY_AFTER, retryAfter);
    }
}
