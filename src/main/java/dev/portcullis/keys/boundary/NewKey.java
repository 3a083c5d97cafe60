package dev.portcullis.keys.boundary;

import dev.portcullis.access.Environment;
import dev.portcullis.access.Role;
import dev.portcullis.keys.entity.KeyType;
import dev.portcullis.net.IpAllowlist;
import dev.portcullis.ratelimit.boundary.NamedLimitBody;
import dev.portcullis.ratelimit.boundary.RateLimitBody;
import dev.portcullis.validation.SmallJson;
import dev.portcullis.validation.Text;
import dev.portcullis.validation.Timestamp;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

public record NewKey(@NotNull(message = "is required") @Text(max = 200) String name,
                     @Pattern(regexp = Environment.PATTERN, message = "must be one of " + Environment.NAMES) String environment,
                     @Pattern(regexp = Role.PATTERN, message = "must be one of " + Role.NAMES) String role,
                     @Pattern(regexp = KeyType.PATTERN, message = "must be one of " + KeyType.NAMES) String type,
                     @Size(max = 100, message = "takes at most 100 scopes") List<@NotNull(message = "must not hold null") String> scopes,
                     @Timestamp String expiresAt,
                     @Size(max = IpAllowlist.MAX_ENTRIES, message = "takes at most " + IpAllowlist.MAX_ENTRIES + " entries") List<String> allowedIps,
                     @Valid RateLimitBody rateLimit,
                     @Valid CreditsBody credits,
                     @Size(max = 20, message = "takes at most 20 limits") List<@NotNull(message = "must not hold null") @Valid NamedLimitBody> rateLimits,
                     @Size(max = 100, message = "takes at most 100 routes") List<@NotNull(message = "must not hold null") String> allowedRoutes,
                     @SmallJson(maxBytes = 4096) JsonObject meta,
                     @Text(max = 256) String externalId,
                     @Size(max = 64, message = "must be at most 64 characters") String identityId) {
}
