package dev.portcullis.keys.boundary;

import dev.portcullis.identities.boundary.IdentityResponse;
import dev.portcullis.keys.control.KeyCredential;
import dev.portcullis.keys.entity.ApiKey;
import dev.portcullis.net.IpAllowlist;
import dev.portcullis.ratelimit.boundary.NamedLimitBody;
import dev.portcullis.ratelimit.boundary.RateLimitBody;
import dev.portcullis.ratelimit.control.NamedLimit;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A key as clients see it. {@code key}, the full secret, is present only in the answer to create and
 * roll; absent fields are null.
 */
@JsonbPropertyOrder({"id", "key", "tenantId", "name", "type", "environment", "role", "prefix", "last4", "status", "enabled",
        "scopes", "allowedIps", "allowedRoutes", "expiresAt", "previousKeyValidUntil", "externalId", "identityId", "meta",
        "rateLimit", "rateLimits", "credits"})
public record KeyResponse(String id, String key, String tenantId, String name, String type, String environment,
                          String role, String prefix, String last4, String status, boolean enabled, List<String> scopes,
                          List<String> allowedIps, List<String> allowedRoutes, Instant expiresAt, Instant previousKeyValidUntil,
                          String externalId, String identityId, JsonObject meta, RateLimitBody rateLimit,
                          List<NamedLimitBody> rateLimits, CreditsBody credits, Instant lastUsedAt, Instant revokedAt,
                          Instant createdAt) {

    /** {@code creditsRemaining}: what remains now, a refill due counted. */
    public static KeyResponse from(ApiKey key, Instant now, Instant lastUsedAt, Long creditsRemaining) {
        return withSecret(key, null, now, lastUsedAt, creditsRemaining);
    }

    public static KeyResponse withSecret(ApiKey key, String secret, Instant now, Instant lastUsedAt, Long creditsRemaining) {
        return new KeyResponse(key.id(), secret, key.tenantId(), key.name(), key.type().value(),
                key.environment().value(), key.role().value(), key.prefix(), key.last4(), key.status(now), key.isEnabled(),
                List.copyOf(key.scopes()), IpAllowlist.fromStored(key.allowedIps()).values(),
                key.allowedRoutes() == null ? List.of() : Arrays.asList(key.allowedRoutes().split("\n")), key.expiresAt(),
                key.previousSecretHash() == null ? null : key.previousValidUntil(), key.externalId(), key.identityId(),
                IdentityResponse.meta(key.meta()), RateLimitBody.from(key.perMinute(), key.perDay()),
                NamedLimit.fromStored(key.namedLimits()).stream().map(NamedLimitBody::from).toList(),
                CreditsBody.from(creditsRemaining, KeyCredential.creditTermsOf(key)),
                lastUsedAt, key.revokedAt(), key.createdAt());
    }
}
