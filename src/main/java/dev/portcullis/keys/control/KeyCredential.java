package dev.portcullis.keys.control;

import dev.portcullis.access.Environment;
import dev.portcullis.access.Role;
import dev.portcullis.keys.entity.ApiKey;
import dev.portcullis.keys.entity.KeyType;
import dev.portcullis.net.IpAllowlist;
import dev.portcullis.ratelimit.control.LimitOverride;
import java.time.Instant;
import java.util.Set;

/**
 * What authentication needs of a key, cached per secret hash on each node. A rolled key's previous
 * secret has its own entry whose {@code graceUntil} ends it.
 */
public record KeyCredential(String keyId, String tenantId, KeyType type, Environment environment, Role role,
                            Set<String> scopes, IpAllowlist allowlist, LimitOverride limits,
                            Instant expiresAt, Instant graceUntil) {

    static KeyCredential current(ApiKey key) {
        return of(key, null);
    }

    static KeyCredential previous(ApiKey key) {
        return of(key, key.previousValidUntil());
    }

    private static KeyCredential of(ApiKey key, Instant graceUntil) {
        return new KeyCredential(key.id(), key.tenantId(), key.type(), key.environment(), key.role(),
                Set.copyOf(key.scopes()), IpAllowlist.fromStored(key.allowedIps()), new LimitOverride(key.perMinute(), key.perDay()), key.expiresAt(), graceUntil);
    }

    public boolean isValidAt(Instant now) {
        return (expiresAt == null || now.isBefore(expiresAt)) && (graceUntil == null || now.isBefore(graceUntil));
    }
}
