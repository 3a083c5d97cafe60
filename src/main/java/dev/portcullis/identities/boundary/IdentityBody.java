package dev.portcullis.identities.boundary;

import dev.portcullis.ratelimit.boundary.NamedLimitBody;
import dev.portcullis.ratelimit.boundary.RateLimitBody;
import dev.portcullis.validation.SmallJson;
import dev.portcullis.validation.Text;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * An identity as it is created ({@code external_id} required) or changed (absent fields stay):
 * {@code rate_limit} its minute and day windows (each number may be null: none), {@code rate_limits} its
 * named limits (replaced as a whole).
 */
public record IdentityBody(@Text(max = 256) String externalId,
                           @SmallJson(maxBytes = 4096) JsonObject meta,
                           @Valid RateLimitBody rateLimit,
                           @Size(max = 20, message = "takes at most 20 limits") List<@Valid NamedLimitBody> rateLimits) {
}
