package dev.portcullis.keys.boundary;

import dev.portcullis.net.IpAllowlist;
import dev.portcullis.ratelimit.boundary.RateLimitBody;
import dev.portcullis.validation.Text;
import dev.portcullis.validation.Timestamp;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A partial update: absent fields are left as they are. {@code scopes} and {@code allowed_ips}
 * replace the key's lists ({@code []} removes the restriction); a {@code rate_limit} object replaces
 * the key's override as a whole, a null number in it meaning "the tenant's".
 */
public record KeyChange(@Text(max = 200) String name,
                        @Size(max = 100, message = "takes at most 100 scopes") List<@NotNull(message = "must not hold null") String> scopes,
                        @Timestamp String expiresAt,
                        @Size(max = IpAllowlist.MAX_ENTRIES, message = "takes at most " + IpAllowlist.MAX_ENTRIES + " entries") List<String> allowedIps,
                        @Valid RateLimitBody rateLimit) {
}
