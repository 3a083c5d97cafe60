package dev.portcullis.keys.boundary;

import dev.portcullis.ratelimit.boundary.RateLimitBody;
import java.util.List;

/**
 * A partial update: absent fields are left as they are. {@code scopes} and {@code allowed_ips}
 * replace the key's lists ({@code []} removes the restriction); a {@code rate_limit} object replaces
 * the key's override as a whole, a null number in it meaning "the tenant's".
 */
public record KeyChange(String name, List<String> scopes, String expiresAt, List<String> allowedIps,
                        RateLimitBody rateLimit) {
}
