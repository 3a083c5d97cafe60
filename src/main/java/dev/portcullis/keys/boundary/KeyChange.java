package dev.portcullis.keys.boundary;

import dev.portcullis.ratelimit.boundary.RateLimitBody;

/**
 * A partial update: absent fields are left as they are. A {@code rate_limit} object replaces the key's
 * override as a whole; a null number in it means "the tenant's".
 */
public record KeyChange(String name, RateLimitBody rateLimit) {
}
