package dev.portcullis.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A key to create: {@code NewKey.named("backend").withRole("member")}; null fields are left to the server.
 * {@code allowedRoutes} restricts the key to those routes ({@code "GET /v1/rubrics/**"}), {@code identityId}
 * puts it in an identity of its environment, whose limits it then shares.
 */
public record NewKey(String name, String environment, String role, String type, List<String> scopes, Instant expiresAt,
                     List<String> allowedIps, RateLimit rateLimit, Credits credits, List<NamedLimit> rateLimits,
                     List<String> allowedRoutes, Map<String, Object> meta, String externalId, String identityId) {

    public static NewKey named(String name) {
        return new NewKey(name, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public NewKey withEnvironment(String environment) {
        return new NewKey(name, environment, role, type, scopes, expiresAt, allowedIps, rateLimit, credits, rateLimits,
                allowedRoutes, meta, externalId, identityId);
    }

    public NewKey withRole(String role) {
        return new NewKey(name, environment, role, type, scopes, expiresAt, allowedIps, rateLimit, credits, rateLimits,
                allowedRoutes, meta, externalId, identityId);
    }

    public NewKey withType(String type) {
        return new NewKey(name, environment, role, type, scopes, expiresAt, allowedIps, rateLimit, credits, rateLimits,
                allowedRoutes, meta, externalId, identityId);
    }

    public NewKey withScopes(List<String> scopes) {
        return new NewKey(name, environment, role, type, scopes, expiresAt, allowedIps, rateLimit, credits, rateLimits,
                allowedRoutes, meta, externalId, identityId);
    }

    public NewKey withExpiresAt(Instant expiresAt) {
        return new NewKey(name, environment, role, type, scopes, expiresAt, allowedIps, rateLimit, credits, rateLimits,
                allowedRoutes, meta, externalId, identityId);
    }

    public NewKey withAllowedIps(List<String> allowedIps) {
        return new NewKey(name, environment, role, type, scopes, expiresAt, allowedIps, rateLimit, credits, rateLimits,
                allowedRoutes, meta, externalId, identityId);
    }

    public NewKey withRateLimit(RateLimit rateLimit) {
        return new NewKey(name, environment, role, type, scopes, expiresAt, allowedIps, rateLimit, credits, rateLimits,
                allowedRoutes, meta, externalId, identityId);
    }

    public NewKey withCredits(Credits credits) {
        return new NewKey(name, environment, role, type, scopes, expiresAt, allowedIps, rateLimit, credits, rateLimits,
                allowedRoutes, meta, externalId, identityId);
    }

    public NewKey withRateLimits(List<NamedLimit> rateLimits) {
        return new NewKey(name, environment, role, type, scopes, expiresAt, allowedIps, rateLimit, credits, rateLimits,
                allowedRoutes, meta, externalId, identityId);
    }

    public NewKey withAllowedRoutes(List<String> allowedRoutes) {
        return new NewKey(name, environment, role, type, scopes, expiresAt, allowedIps, rateLimit, credits, rateLimits,
                allowedRoutes, meta, externalId, identityId);
    }

    public NewKey withMeta(Map<String, Object> meta) {
        return new NewKey(name, environment, role, type, scopes, expiresAt, allowedIps, rateLimit, credits, rateLimits,
                allowedRoutes, meta, externalId, identityId);
    }

    public NewKey withExternalId(String externalId) {
        return new NewKey(name, environment, role, type, scopes, expiresAt, allowedIps, rateLimit, credits, rateLimits,
                allowedRoutes, meta, externalId, identityId);
    }

    public NewKey withIdentityId(String identityId) {
        return new NewKey(name, environment, role, type, scopes, expiresAt, allowedIps, rateLimit, credits, rateLimits,
                allowedRoutes, meta, externalId, identityId);
    }
}
