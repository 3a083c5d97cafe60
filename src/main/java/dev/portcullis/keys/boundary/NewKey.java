package dev.portcullis.keys.boundary;

import dev.portcullis.ratelimit.boundary.RateLimitBody;

public record NewKey(String name, String environment, String role, String type, String expiresAt,
                     RateLimitBody rateLimit) {
}
