package dev.portcullis.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A partial update of a key: null fields stay as they are; an empty list removes that restriction.
 * {@code enabled} false refuses the key until it is enabled again; {@code meta} replaces the key's;
 * {@code identityId} "" takes the key out of its identity.
 */
public record KeyChange(String name, List<String> scopes, Instant expiresAt, List<String> allowedIps, RateLimit rateLimit,
                        Boolean enabled, Credits credits, List<NamedLimit> rateLimits, List<String> allowedRoutes,
                        Map<String, Object> meta, String externalId, String identityId) {

    public static KeyChange none() {
        return new KeyChange(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public KeyChange withName(String name) {
        return new KeyChange(name, scopes, expiresAt, allowedIps, rateLimit, enabled, credits, rateLimits, allowedRoutes,
                meta, externalId, identityId);
    }

    public KeyChange withScopes(List<String> scopes) {
        return new KeyChange(name, scopes, expiresAt, allowedIps, rateLimit, enabled, credits, rateLimits, allowedRoutes,
                meta, externalId, identityId);
    }

    public KeyChange withExpiresAt(Instant expiresAt) {
        return new KeyChange(name, scopes, expiresAt, allowedIps, rateLimit, enabled, credits, rateLimits, allowedRoutes,
                meta, externalId, identityId);
    }

    public KeyChange withAllowedIps(List<String> allowedIps) {
        return new KeyChange(name, scopes, expiresAt, allowedIps, rateLimit, enabled, credits, rateLimits, allowedRoutes,
                meta, externalId, identityId);
    }

    public KeyChange withRateLimit(RateLimit rateLimit) {
        return new KeyChange(name, scopes, expiresAt, allowedIps, rateLimit, enabled, credits, rateLimits, allowedRoutes,
                meta, externalId, identityId);
    }

    public KeyChange withEnabled(Boolean enabled) {
        return new KeyChange(name, scopes, expiresAt, allowedIps, rateLimit, enabled, credits, rateLimits, allowedRoutes,
                meta, externalId, identityId);
    }

    public KeyChange withCredits(Credits credits) {
        return new KeyChange(name, scopes, expiresAt, allowedIps, rateLimit, enabled, credits, rateLimits, allowedRoutes,
                meta, externalId, identityId);
    }

    public KeyChange withRateLimits(List<NamedLimit> rateLimits) {
        return new KeyChange(name, scopes, expiresAt, allowedIps, rateLimit, enabled, credits, rateLimits, allowedRoutes,
                meta, externalId, identityId);
    }

    public KeyChange withAllowedRoutes(List<String> allowedRoutes) {
        return new KeyChange(name, scopes, expiresAt, allowedIps, rateLimit, enabled, credits, rateLimits, allowedRoutes,
                meta, externalId, identityId);
    }

    public KeyChange withMeta(Map<String, Object> meta) {
        return new KeyChange(name, scopes, expiresAt, allowedIps, rateLimit, enabled, credits, rateLimits, allowedRoutes,
                meta, externalId, identityId);
    }

    public KeyChange withExternalId(String externalId) {
        return new KeyChange(name, scopes, expiresAt, allowedIps, rateLimit, enabled, credits, rateLimits, allowedRoutes,
                meta, externalId, identityId);
    }

    public KeyChange withIdentityId(String identityId) {
        return new KeyChange(name, scopes, expiresAt, allowedIps, rateLimit, enabled, credits, rateLimits, allowedRoutes,
                meta, externalId, identityId);
    }
}
