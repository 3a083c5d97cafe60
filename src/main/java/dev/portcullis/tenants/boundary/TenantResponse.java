package dev.portcullis.tenants.boundary;

import dev.portcullis.ratelimit.boundary.RateLimitBody;
import dev.portcullis.tenants.entity.Tenant;
import java.time.Instant;

/** {@code rate_limit} is present only when the tenant has its own numbers. */
public record TenantResponse(String id, String name, String plan, String status, RateLimitBody rateLimit,
                             Instant createdAt, Instant updatedAt) {

    public static TenantResponse from(Tenant tenant) {
        return new TenantResponse(tenant.id(), tenant.name(), tenant.plan(), tenant.status(),
                RateLimitBody.from(tenant.perMinute(), tenant.perDay()), tenant.createdAt(), tenant.updatedAt());
    }
}
