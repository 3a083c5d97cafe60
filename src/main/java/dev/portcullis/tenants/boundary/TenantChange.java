package dev.portcullis.tenants.boundary;

import dev.portcullis.ratelimit.boundary.RateLimitBody;
import dev.portcullis.tenants.entity.Tenant;
import dev.portcullis.validation.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A partial update: absent fields are left as they are. A {@code rate_limit} object replaces the
 * tenant's own numbers as a whole; null numbers fall back to the plan's.
 */
public record TenantChange(@Text(max = 200) String name,
                           @Size(max = 64, message = "must be at most 64 characters") String plan,
                           @Pattern(regexp = Tenant.ACTIVE + "|" + Tenant.SUSPENDED, message = "must be active or suspended") String status,
                           @Valid RateLimitBody rateLimit) {
}
