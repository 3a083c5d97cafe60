package dev.portcullis.keys.control;

import dev.portcullis.access.Environment;
import dev.portcullis.access.Role;
import dev.portcullis.keys.entity.ApiKey;
import dev.portcullis.keys.entity.KeyType;
import dev.portcullis.net.IpAllowlist;
import dev.portcullis.net.RoutePattern;
import dev.portcullis.ratelimit.control.CreditTerms;
import dev.portcullis.ratelimit.control.LimitOverride;
import dev.portcullis.ratelimit.control.NamedLimit;
import dev.portcullis.ratelimit.grid.Bucket;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What admitting a request needs of a key, cached per secret hash on each node. A rolled key's previous
 * secret has its own entry whose {@code graceUntil} ends it. {@code credits} is null for a key that has
 * none; {@code routes} empty for a key that may call any route.
 */
public record KeyCredential(String keyId, String tenantId, KeyType type, Environment environment, Role role,
                            Set<String> scopes, IpAllowlist allowlist, LimitOverride limits, Instant expiresAt,
                            Instant graceUntil, boolean enabled, String identityId, CreditTerms credits,
                            List<NamedLimit> namedLimits, List<RoutePattern> routes, String meta, String externalId) {

    static KeyCredential current(ApiKey key) {
        return of(key, null);
    }

    static KeyCredential previous(ApiKey key) {
        return of(key, key.previousValidUntil());
    }

    private static KeyCredential of(ApiKey key, Instant graceUntil) {
        return new KeyCredential(key.id(), key.tenantId(), key.type(), key.environment(), key.role(),
                Set.copyOf(key.scopes()), IpAllowlist.fromStored(key.allowedIps()), new LimitOverride(key.perMinute(), key.perDay()),
                key.expiresAt(), graceUntil, key.isEnabled(), key.identityId(), creditTermsOf(key),
                NamedLimit.fromStored(key.namedLimits()), routes(key.allowedRoutes()), key.meta(), key.externalId());
    }

    /** How a key's credits are refilled; null for a key without credits. */
    public static CreditTerms creditTermsOf(ApiKey key) {
        if (key.creditsRefill() == null) {
            return null;
        }
        Bucket.Refill refill = key.creditsRefill() == null ? Bucket.Refill.NONE : Bucket.Refill.valueOf(key.creditsRefill());
        return new CreditTerms(refill, key.creditsRefillAmount() == null ? 0 : key.creditsRefillAmount(),
                key.creditsRefillDay() == null ? 1 : key.creditsRefillDay());
    }

    static List<RoutePattern> routes(String stored) {
        return stored == null || stored.isBlank() ? List.of() : Arrays.stream(stored.split("\n")).map(RoutePattern::parse).toList();
    }

    public boolean isValidAt(Instant now) {
        return (expiresAt == null || now.isBefore(expiresAt)) && (graceUntil == null || now.isBefore(graceUntil));
    }

    /** Whether the key may call {@code method} on {@code path}: any route when it names none. */
    public boolean allows(String method, String path) {
        return routes.isEmpty() || RoutePattern.anyMatches(routes, method, path);
    }
}
