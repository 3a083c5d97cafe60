package dev.portcullis.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An API key. {@code key}, the secret, is present only in the answers of create and roll; it is left
 * out of {@link #toString()}. {@code allowedRoutes} empty: no restriction; {@code credits} null: not metered
 * by credits ({@code remaining} is what remains now).
 */
public record Key(String id, String key, String tenantId, String name, String type, String environment, String role,
                  String prefix, String last4, String status, List<String> scopes, List<String> allowedIps,
                  Instant expiresAt, Instant previousKeyValidUntil, RateLimit rateLimit, Instant lastUsedAt,
                  Instant revokedAt, Instant createdAt, Boolean enabled, List<String> allowedRoutes, String externalId,
                  String identityId, Map<String, Object> meta, List<NamedLimit> rateLimits, Credits credits) {

    @Override
    public String toString() {
        return "Key[id=" + id + ", key=" + (key == null ? null : "[REDACTED]") + ", tenantId=" + tenantId + ", name=" + name
                + ", type=" + type + ", environment=" + environment + ", role=" + role + ", prefix=" + prefix
                + ", last4=" + last4 + ", status=" + status + ", scopes=" + scopes + ", allowedIps=" + allowedIps
                + ", expiresAt=" + expiresAt + ", previousKeyValidUntil=" + previousKeyValidUntil + ", rateLimit="
                + rateLimit + ", lastUsedAt=" + lastUsedAt + ", revokedAt=" + revokedAt + ", createdAt=" + createdAt
                + ", enabled=" + enabled + ", allowedRoutes=" + allowedRoutes + ", externalId=" + externalId
                + ", identityId=" + identityId + ", meta=" + meta + ", rateLimits=" + rateLimits + ", credits=" + credits + "]";
    }
}
