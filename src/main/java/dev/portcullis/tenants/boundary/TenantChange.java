package dev.portcullis.tenants.boundary;

import dev.portcullis.ratelimit.boundary.RateLimitBody;

/**
 * A partial update: absent fields are left as they are. A {@code rate_limit} object replaces the
 * tenant's own numbers as a whole; null numbers fall back to the plan's.
 */
public record TenantChange(String name, String plan, String status, RateLimitBody rateLimit) {
}
