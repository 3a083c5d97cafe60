package dev.portcullis.keys.boundary;

import dev.portcullis.ratelimit.boundary.RateLimitBody;
import java.util.List;

public record NewKey(String name, String environment, String role, String type, List<String> scopes, String expiresAt,
                     List<String> allowedIps, RateLimitBody rateLimit) {
}
