package dev.portcullis.tenants.boundary;

import dev.portcullis.ratelimit.boundary.RateLimitBody;
import dev.portcullis.validation.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code rate_limit}: the tenant's own numbers (custom enterprise terms), instead of its plan's. */
public record NewTenant(@NotNull(message = "is required") @Text(max = 200) String name,
                        @Size(max = 64, message = "must be at most 64 characters") String plan,
                        @Valid RateLimitBody rateLimit) {
}
