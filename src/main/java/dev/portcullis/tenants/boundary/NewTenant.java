package dev.portcullis.tenants.boundary;

import dev.portcullis.ratelimit.boundary.RateLimitBody;

/** {@code rate_limit}: the tenant's own numbers (custom enterprise terms), instead of its plan's. */
public record NewTenant(String name, String plan, RateLimitBody rateLimit) {
}
