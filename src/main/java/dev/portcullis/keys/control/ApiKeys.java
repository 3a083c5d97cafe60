package dev.portcullis.keys.control;

import dev.portcullis.Ids;
import dev.portcullis.OnRequestPath;
import dev.portcullis.access.Caller;
import dev.portcullis.access.Environment;
import dev.portcullis.access.InsufficientPermissions;
import dev.portcullis.access.Role;
import dev.portcullis.access.Scopes;
import dev.portcullis.cluster.Invalidations;
import dev.portcullis.cluster.NodeCache;
import dev.portcullis.database.Page;
import dev.portcullis.errors.NotFound;
import dev.portcullis.errors.ValidationFailed;
import dev.portcullis.identities.control.Identities;
import dev.portcullis.identities.entity.Identity;
import dev.portcullis.keys.entity.ApiKey;
import dev.portcullis.keys.entity.KeyType;
import dev.portcullis.net.IpAllowlist;
import dev.portcullis.net.RoutePattern;
import dev.portcullis.ratelimit.control.ChargePlan;
import dev.portcullis.ratelimit.control.CreditTerms;
import dev.portcullis.ratelimit.control.LimitOverride;
import dev.portcullis.ratelimit.control.Limits;
import dev.portcullis.ratelimit.control.NamedLimit;
import dev.portcullis.ratelimit.control.RateLimiter;
import dev.portcullis.ratelimit.grid.CreditAdjustment;
import dev.portcullis.ratelimit.grid.Decide;
import dev.portcullis.tenants.control.Tenants;
import dev.portcullis.tenants.entity.Tenant;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@OnRequestPath
public class ApiKeys {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    KeyFormat format;

    @Inject
    Invalidations invalidations;

    @Inject
    Tenants tenants;

    @Inject
    Identities identities;

    @Inject
    RateLimiter limiter;

    private NodeCache<KeyCredential> cache;

    /** A key as created or rolled: the entity and, this once, the full key. */
    public record Issued(ApiKey key, String secret) {
    }

    @PostConstruct
    void createCache() {
        cache = invalidations.cache("api-keys", 500_000);
    }

    /**
     * The hot path: structure and checksum first (no I/O), then SHA-256 and the node cache. Empty for
     * anything that is not a live key; callers must not tell the cases apart. {@code beforeLookup}
     * runs only when the database must be asked, and may refuse by throwing.
     */
    public Optional<KeyCredential> authenticate(String presented, Runnable beforeLookup) {
        Optional<KeyFormat.Parsed> parsed = format.parse(presented);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return cache.get(KeyFormat.hash(presented), beforeLookup, this::load)
                .filter(credential -> credential.isValidAt(now))
                .filter(credential -> parsed.get().tenantId() == null || parsed.get().tenantId().equals(credential.tenantId()));
    }

    private Optional<KeyCredential> load(String hash) {
        Instant now = clock.instant();
        List<ApiKey> current = em.createNamedQuery(ApiKey.BY_HASH, ApiKey.class).setParameter("hash", hash).getResultList();
        if (!current.isEmpty()) {
            ApiKey key = current.get(0);
            return key.isActive(now) ? Optional.of(KeyCredential.current(key)) : Optional.empty();
        }
        return em.createNamedQuery(ApiKey.BY_PREVIOUS_HASH, ApiKey.class).setParameter("hash", hash).getResultList()
                .stream().findFirst()
                .filter(key -> key.isActive(now))
                .map(KeyCredential::previous);
    }

    /**
     * What a new key is to be. {@code environment} null: the creator's own; {@code role} null: member;
     * {@code type} null: secret; null {@code scopes}, {@code allowlist}, {@code limits}, {@code credits},
     * {@code named}, {@code routes}, {@code meta}, {@code externalId} or {@code identityId}: none.
     */
    public record Creation(String name, Environment environment, Role role, KeyType type, Instant expiresAt,
                           Set<String> scopes, IpAllowlist allowlist, LimitOverride limits, Credits credits,
                           List<NamedLimit> named, List<RoutePattern> routes, String meta, String externalId,
                           String identityId) {
    }

    /**
     * A partial change: null fields stay as they are. {@code identityId} "" leaves the key's identity;
     * {@code credits} sets what remains and how it is refilled.
     */
    public record Change(String name, Set<String> scopes, Instant expiresAt, IpAllowlist allowlist, LimitOverride limits,
                         Boolean enabled, Credits credits, List<NamedLimit> named, List<RoutePattern> routes, String meta,
                         String externalId, String identityId) {
    }

    /** A key's credits as an admin sets them: what remains, and how they are refilled. */
    public record Credits(long remaining, CreditTerms terms) {
    }

    /**
     * A new key in the tenant {@code creator} acts for. Nobody creates a key above their own role or with
     * a scope they lack themselves; platform-admin keys exist in the platform tenant only; a test
     * credential creates test keys only; a tenant admin sets limits within the tenant's own; an identity
     * must be the tenant's, of the key's environment.
     */
    public Issued create(Caller creator, Creation creation) {
        Environment environment = creation.environment() == null ? creator.environment() : creation.environment();
        Role role = creation.role() == null ? Role.MEMBER : creation.role();
        KeyType type = creation.type() == null ? KeyType.SECRET : creation.type();
        if (!creator.has(role)) {
            throw InsufficientPermissions.requiringRole(role.value());
        }
        if (role == Role.PLATFORM_ADMIN && !Tenant.PLATFORM_ID.equals(creator.tenantId())) {
            throw new ValidationFailed("role", "platform_admin keys exist only in the platform tenant");
        }
        if (environment == Environment.LIVE && creator.environment() == Environment.TEST) {
            throw new ValidationFailed("environment", "A test credential creates test keys only");
        }
        Set<String> scopes = grantable(creator, creation.scopes() == null ? Set.of() : creation.scopes());
        LimitOverride limits = grantable(creator, creation.limits());
        Issued issued = create(creator.tenantId(), creation.name(), type, environment, role, future(creation.expiresAt()));
        ApiKey key = issued.key();
        Instant now = clock.instant();
        key.restrictTo(scopes, now);
        key.allowIps(creation.allowlist() == null ? null : creation.allowlist().stored(), now);
        key.limitTo(limits.perMinute(), limits.perDay(), now);
        key.describe(creation.meta(), creation.externalId(), now);
        key.limitNamed(NamedLimit.stored(creation.named()), now);
        key.allowRoutes(stored(creation.routes()), now);
        if (creation.identityId() != null) {
            key.belongTo(identityOf(creator, environment, creation.identityId()), now);
        }
        if (creation.credits() != null) {
            CreditTerms terms = creation.credits().terms();
            key.refillCredits(terms.refill().name(), terms.amount(), terms.dayOfMonth(), now);
            key.startCredits(creation.credits().remaining(), terms.periodAt(now.toEpochMilli()));
        }
        return issued;
    }

    /** A key without any of the rules above: the platform's first key at bootstrap. */
    public Issued create(String tenantId, String name, KeyType type, Environment environment, Role role, Instant expiresAt) {
        String secret = format.generate(type, environment, tenantId);
        ApiKey key = new ApiKey(Ids.next("key"), tenantId, name, type, environment, role, format.secretOf(secret),
                expiresAt, clock.instant());
        em.persist(key);
        return new Issued(key, secret);
    }

    /** Changes a key by the same rules as creating one; every node drops the old state once it commits. */
    public ApiKey change(Caller changer, ApiKey key, Change change) {
        Instant now = clock.instant();
        if (change.name() != null) {
            key.rename(change.name(), now);
        }
        if (change.scopes() != null) {
            key.restrictTo(grantable(changer, change.scopes()), now);
        }
        if (change.expiresAt() != null) {
            key.expireAt(future(change.expiresAt()), now);
        }
        if (change.allowlist() != null) {
            key.allowIps(change.allowlist().stored(), now);
        }
        if (change.limits() != null) {
            LimitOverride limits = grantable(changer, change.limits());
            key.limitTo(limits.perMinute(), limits.perDay(), now);
        }
        if (change.enabled() != null) {
            key.enable(change.enabled(), now);
        }
        if (change.meta() != null || change.externalId() != null) {
            key.describe(change.meta() == null ? key.meta() : change.meta(),
                    change.externalId() == null ? key.externalId() : change.externalId(), now);
        }
        if (change.named() != null) {
            key.limitNamed(NamedLimit.stored(change.named()), now);
        }
        if (change.routes() != null) {
            key.allowRoutes(stored(change.routes()), now);
        }
        if (change.identityId() != null) {
            String before = key.identityId();
            Long remaining = change.credits() == null ? creditsNow(key) : null;
            key.belongTo(change.identityId().isEmpty() ? null : identityOf(changer, key.environment(), change.identityId()), now);
            if (remaining != null && !Objects.equals(before, key.identityId())) {
                // A key's credits are kept in the entry of the key and its identity: moved, they go with it,
                // and whatever an earlier stay in that entry left there does not come back.
                CreditTerms terms = KeyCredential.creditTermsOf(key);
                String identity = key.identityId();
                invalidations.afterCommit(() -> limiter.adjustCredits(ChargePlan.entry(key.id(), identity),
                        new CreditAdjustment(ChargePlan.credits(key.id(), identity, terms, 1), false, remaining, clock.millis(), null)));
            }
        }
        if (change.credits() != null) {
            CreditTerms terms = change.credits().terms();
            boolean had = KeyCredential.creditTermsOf(key) != null;
            key.refillCredits(terms.refill().name(), terms.amount(), terms.dayOfMonth(), now);
            String identity = key.identityId();
            long remaining = change.credits().remaining();
            // What remains is set where it is spent, once the new terms are in place on every node.
            invalidations.afterCommit(() -> limiter.adjustCredits(ChargePlan.entry(key.id(), identity),
                    new CreditAdjustment(ChargePlan.credits(key.id(), identity, terms, 1), false, remaining, clock.millis(),
                            had ? null : Decide.credits(0, 0, 0))));
        }
        changed(key);
        return key;
    }

    /** Adds credits to what remains now, where they are spent. */
    public long[] topUp(ApiKey key, long amount) {
        CreditTerms terms = KeyCredential.creditTermsOf(key);
        if (terms == null) {
            throw new ValidationFailed("add", "This key has no credits to add to; set them with PATCH first");
        }
        return limiter.adjustCredits(ChargePlan.entry(key.id(), key.identityId()),
                new CreditAdjustment(ChargePlan.credits(key.id(), key.identityId(), terms, 1), true, amount, clock.millis(), null));
    }

    /** The key is no longer metered by credits. */
    public void removeCredits(ApiKey key) {
        key.refillCredits(null, null, null, clock.instant());
        em.createNativeQuery("UPDATE api_keys SET credits_remaining = NULL, credits_period = NULL, "
                + "credits_generation = credits_generation + 1 WHERE id = ?").setParameter(1, key.id()).executeUpdate();
        changed(key);
    }

    /** What remains of a key's credits as of now (a refill due is counted), or null for a key without. */
    public Long creditsNow(ApiKey key) {
        CreditTerms terms = KeyCredential.creditTermsOf(key);
        if (terms == null) {
            return null;
        }
        long[] stored = Decide.credits(key.creditsRemaining() == null ? 0 : key.creditsRemaining(),
                key.creditsPeriod() == null ? 0 : key.creditsPeriod(),
                key.creditsGeneration());
        return Decide.rolledOverCredits(ChargePlan.credits(key.id(), key.identityId(), terms, 1), stored, clock.millis())
                [Decide.CREDITS_REMAINING];
    }

    private String identityOf(Caller caller, Environment environment, String identityId) {
        Identity identity = identities.get(caller.tenantId(), caller.environment(), identityId);
        if (identity.environment() != environment) {
            throw new ValidationFailed("identity_id", "A key belongs to an identity of its own environment");
        }
        return identity.id();
    }

    private static String stored(List<RoutePattern> routes) {
        return routes == null || routes.isEmpty() ? null : String.join("\n", routes.stream().map(RoutePattern::toString).toList());
    }

    /** Scopes that exist, and a scoped caller hands out no scope it lacks itself. */
    private static Set<String> grantable(Caller caller, Set<String> requested) {
        for (String scope : requested) {
            String problem = Scopes.problemWith(scope);
            if (problem != null) {
                throw new ValidationFailed("scopes", problem);
            }
        }
        if (!caller.scopes().isEmpty()) {
            if (requested.isEmpty()) {
                throw InsufficientPermissions.requiringScope(String.join(" ", caller.scopes()));
            }
            for (String scope : requested) {
                if (!caller.scopes().contains(scope)) {
                    throw InsufficientPermissions.requiringScope(scope);
                }
            }
        }
        return requested;
    }

    /** Tenant admins may only set key limits within the tenant's; platform admins set any. */
    private LimitOverride grantable(Caller caller, LimitOverride requested) {
        if (requested == null) {
            return LimitOverride.NONE;
        }
        Limits tenantLimits = tenants.limits(tenants.view(caller.tenantId()).orElseThrow(() -> new NotFound("Tenant")));
        if (!caller.isPlatformAdmin() && !requested.over(tenantLimits).within(tenantLimits)) {
            throw InsufficientPermissions.requiringRole(Role.PLATFORM_ADMIN.value());
        }
        return requested;
    }

    private Instant future(Instant expiresAt) {
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            throw new ValidationFailed("expires_at", "expires_at must be in the future");
        }
        return expiresAt;
    }

    /** Installs a key whose secret was chosen elsewhere (the configured bootstrap key). */
    public ApiKey install(String tenantId, String name, String secret, Role role) {
        KeyFormat.Parsed parsed = format.parse(secret).orElseThrow(() -> new IllegalArgumentException("malformed key"));
        ApiKey key = new ApiKey(Ids.next("key"), tenantId, name, parsed.type(), parsed.environment(), role,
                format.secretOf(secret), null, clock.instant());
        em.persist(key);
        return key;
    }

    /**
     * A key of this tenant that a credential of {@code viewer}'s environment may see: live credentials
     * administer the keys of both environments, test credentials only test keys. Any other key is
     * simply not found.
     */
    public ApiKey get(String tenantId, Environment viewer, String id) {
        ApiKey key = em.find(ApiKey.class, id);
        if (key == null || !key.tenantId().equals(tenantId) || !visibleTo(key, viewer)) {
            throw new NotFound("API key");
        }
        return key;
    }

    /** {@code externalId} null: every owner's. */
    public List<ApiKey> page(String tenantId, Environment viewer, String externalId, Page.Position after, int limit) {
        String filter = "e.tenantId = :tenant" + (viewer == Environment.LIVE ? "" : " and e.environment = '" + viewer.value() + "'");
        if (externalId == null) {
            return Page.fetch(em, ApiKey.class, filter, Map.of("tenant", tenantId), after, limit);
        }
        return Page.fetch(em, ApiKey.class, filter + " and e.externalId = :external", Map.of("tenant", tenantId,
                "external", externalId), after, limit);
    }

    private static boolean visibleTo(ApiKey key, Environment viewer) {
        return viewer == Environment.LIVE || key.environment() == viewer;
    }

    public void revoke(ApiKey key) {
        changed(key);
        key.revoke(clock.instant());
    }

    /**
     * A new secret for the same key: same id, name, role, scopes and limits. The old secret keeps
     * working for the grace period, then gets 401.
     */
    public Issued roll(ApiKey key, Duration grace) {
        if (!key.isActive(clock.instant())) {
            throw new ValidationFailed("id", "only an active key can be rolled");
        }
        Instant graceUntil = clock.instant().plus(grace);
        changed(key);
        String secret = format.generate(key.type(), key.environment(), key.tenantId());
        key.roll(format.secretOf(secret), graceUntil, clock.instant());
        return new Issued(key, secret);
    }

    /** Every node drops the cached secrets of this key once the change commits. */
    private void changed(ApiKey key) {
        invalidations.invalidate(cache, key.secretHash());
        if (key.previousSecretHash() != null) {
            invalidations.invalidate(cache, key.previousSecretHash());
        }
    }

    public Instant now() {
        return clock.instant();
    }
}
