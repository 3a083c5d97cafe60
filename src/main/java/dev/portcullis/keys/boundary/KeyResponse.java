package dev.portcullis.keys.boundary;

import dev.portcullis.keys.entity.ApiKey;
import dev.portcullis.net.IpAllowlist;
import dev.portcullis.ratelimit.boundary.RateLimitBody;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;

/**
 * A key as clients see it. {@code key}, the full secret, is present only in the answer to create and
 * roll; absent fields are null.
 */
@JsonbPropertyOrder({"id", "key", "tenantId", "name", "type", "environment", "role", "prefix", "last4", "status", "scopes",
        "allowedIps", "expiresAt", "previousKeyValidUntil"})
public record KeyResponse(String id, String key, String tenantId, String name, String type, String environment,
                          String role, String prefix, String last4, String status, List<String> scopes,
                          List<String> allowedIps, Instant expiresAt, Instant previousKeyValidUntil,
                          RateLimitBody rateLimit, Instant lastUsedAt, Instant revokedAt, Instant createdAt) {

    /** {@code lastUsedAt}: the newest of the stored value and the live counter, which is ahead of it. */
    public static KeyResponse from(ApiKey key, Instant now, Instant lastUsedAt) {
        return withSecret(key, null, now, lastUsedAt);
    }

    public static KeyResponse withSecret(ApiKey key, String secret, Instant now, Instant lastUsedAt) {
        Instant lastUsed = key.lastUsedAt() == null || (lastUsedAt != null && lastUsedAt.isAfter(key.lastUsedAt()))
                ? lastUsedAt : key.lastUsedAt();
        return new KeyResponse(key.id(), secret, key.tenantId(), key.name(), key.type().value(),
                key.environment().value(), key.role().value(), key.prefix(), key.last4(), key.status(now),
                List.copyOf(key.scopes()), IpAllowlist.fromStored(key.allowedIps()).values(), key.expiresAt(),
                key.previousSecretHash() == null ? null : key.previousValidUntil(),
                RateLimitBody.from(key.perMinute(), key.perDay()), lastUsed, key.revokedAt(), key.createdAt());
    }
}
