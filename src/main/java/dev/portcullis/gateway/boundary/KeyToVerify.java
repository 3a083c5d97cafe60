package dev.portcullis.gateway.boundary;

import dev.portcullis.access.Cost;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * {@code POST /v1/keys/verify}: the key a backend was handed, the address its client called from, what the
 * request costs (1 by default), which named limits it spends, and the client's method and path (which a key
 * restricted to certain routes needs). Whatever the client sent is the backend's to relay: junk is a
 * verdict, not a 400; the bounds only keep absurd bodies out.
 */
public record KeyToVerify(@NotNull(message = "is required") @Size(min = 1, max = 8192, message = "must be 1 to 8192 characters") String key,
                          String clientIp,
                          @Min(value = 1, message = "must be 1 to " + Cost.MAX) @Max(value = Cost.MAX, message = "must be 1 to " + Cost.MAX) Long cost,
                          @Size(max = 20, message = "takes at most 20 limits") List<@NotNull(message = "must not hold null") @Valid Spend> rateLimits,
                          @Size(max = 32, message = "must be at most 32 characters") String method,
                          @Size(max = 8192, message = "must be at most 8192 characters") String path) {

    /** {@code {"name": "tokens", "cost": 500}}. */
    public record Spend(@NotNull(message = "is required")
                        @Pattern(regexp = "[a-z][a-z0-9_-]{0,31}", message = "must be lower-case letters, digits, '-' or '_', at most 32") String name,
                        @Min(value = 1, message = "must be at least 1") Long cost) {
    }
}
