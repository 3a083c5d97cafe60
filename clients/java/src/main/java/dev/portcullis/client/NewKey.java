package dev.portcullis.client;

import java.time.Instant;
import java.util.List;

/** A key to create: {@code NewKey.named("backend").withRole("member")}; null fields are left to the server. */
public record NewKey(String name, String environment, String role, String type, List<String> scopes, Instant expiresAt,
                     List<String> allowedIps, RateLimit rateLimit) {

    public static NewKey named(String name) {
        return new NewKey(name, null, null, null, null, null, null, null);
    }

    public NewKey withEnvironment(String environment) {
        return new NewKey(name, environment, role, type, scopes, expiresAt, allowedIps, rateLimit);
    }

    public NewKey withRole(String role) {
        return new NewKey(name, environment, role, type, scopes, expiresAt, allowedIps, rateLimit);
    }

    public NewKey withType(String type) {
        return new NewKey(name, environment, role, type, scopes, expiresAt, allowedIps, rateLimit);
    }

    public NewKey withScopes(List<String> scopes) {
        return new NewKey(name, environment, role, type, scopes, expiresAt, allowedIps, rateLimit);
    }

    public NewKey withExpiresAt(Instant expiresAt) {
        return new NewKey(name, environment, role, type, scopes, expiresAt, allowedIps, rateLimit);
    }

    public NewKey withAllowedIps(List<String> allowedIps) {
        return new NewKey(name, environment, role, type, scopes, expiresAt, allowedIps, rateLimit);
    }

    public NewKey withRateLimit(RateLimit rateLimit) {
        return new NewKey(name, environment, role, type, scopes, expiresAt, allowedIps, rateLimit);
    }
}
