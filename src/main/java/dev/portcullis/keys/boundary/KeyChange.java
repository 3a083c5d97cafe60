package dev.portcullis.keys.boundary;

import dev.portcullis.net.IpAllowlist;
import dev.portcullis.ratelimit.boundary.NamedLimitBody;
import dev.portcullis.ratelimit.boundary.RateLimitBody;
import dev.portcullis.validation.SmallJson;
import dev.portcullis.validation.Text;
import dev.portcullis.validation.Timestamp;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A partial update: absent fields are left as they are. {@code scopes}, {@code allowed_ips},
 * {@code allowed_routes} and {@code rate_limits} replace the key's lists ({@code []} removes the
 * restriction); a {@code rate_limit} object replaces the key's override as a whole, a null number in it
 * meaning "the tenant's"; {@code credits} sets what remains and the refill; {@code enabled: false} refuses
 * the key until it is enabled again; {@code identity_id: ""} takes the key out of its identity.
 */
public record KeyChange(@Text(max = 200) String name,
                        @Size(max = 100, message = "takes at most 100 scopes") List<@NotNull(message = "must not hold null") String> scopes,
                        @Timestamp String expiresAt,
                        @Size(max = IpAllowlist.MAX_ENTRIES, message = "takes at most " + IpAllowlist.MAX_ENTRIES + " entries") List<String> allowedIps,
                        @Valid RateLimitBody rateLimit,
                        Boolean enabled,
                        @Valid CreditsBody credits,
                        @Size(max = 20, message = "takes at most 20 limits") List<@NotNull(message = "must not hold null") @Valid NamedLimitBody> rateLimits,
                        @Size(max = 100, message = "takes at most 100 routes") List<@NotNull(message = "must not hold null") String> allowedRoutes,
                        @SmallJson(maxBytes = 4096) JsonObject meta,
                        @Text(max = 256) String externalId,
                        @Size(max = 64, message = "must be at most 64 characters") String identityId) {
}
