package dev.portcullis.client;

import java.time.Instant;
import java.util.List;

/** A partial update of a key: null fields stay as they are; an empty list removes that restriction. */
public record KeyChange(String name, List<String> scopes, Instant expiresAt, List<String> allowedIps, RateLimit rateLimit) {

    public static KeyChange none() {
        return new KeyChange(null, null, null, null, null);
    }

    public KeyChange withName(String name) {
        return new KeyChange(name, scopes, expiresAt, allowedIps, rateLimit);
    }

    public KeyChange withScopes(List<String> scopes) {
        return new KeyChange(name, scopes, expiresAt, allowedIps, rateLimit);
    }

    public KeyChange withExpiresAt(Instant expiresAt) {
        return new KeyChange(name, scopes, expiresAt, allowedIps, rateLimit);
    }

    public KeyChange withAllowedIps(List<String> allowedIps) {
        return new KeyChange(name, scopes, expiresAt, allowedIps, rateLimit);
    }

    public KeyChange withRateLimit(RateLimit rateLimit) {
        return new KeyChange(name, scopes, expiresAt, allowedIps, rateLimit);
    }
}
