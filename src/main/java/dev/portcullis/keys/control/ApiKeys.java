package dev.portcullis.keys.control;

import dev.portcullis.Ids;
import dev.portcullis.Page;
import dev.portcullis.cluster.Invalidations;
import dev.portcullis.cluster.NodeCache;
import dev.portcullis.errors.NotFound;
import dev.portcullis.keys.entity.ApiKey;
import dev.portcullis.keys.entity.KeyType;
import dev.portcullis.security.Environment;
import dev.portcullis.security.Role;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class ApiKeys {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    KeyFormat format;

    @Inject
    Invalidations invalidations;

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

    public Issued create(String tenantId, String name, KeyType type, Environment environment, Role role, Instant expiresAt) {
        String secret = format.generate(type, environment, tenantId);
        ApiKey key = new ApiKey(Ids.next("key"), tenantId, name, type, environment, role, format.secretOf(secret),
                expiresAt, clock.instant());
        em.persist(key);
        return new Issued(key, secret);
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

    public List<ApiKey> page(String tenantId, Environment viewer, Page.Position after, int limit) {
        String filter = "e.tenantId = :tenant" + (viewer == Environment.LIVE ? "" : " and e.environment = '" + viewer.value() + "'");
        return Page.fetch(em, ApiKey.class, filter, Map.of("tenant", tenantId), after, limit);
    }

    private static boolean visibleTo(ApiKey key, Environment viewer) {
        return viewer == Environment.LIVE || key.environment() == viewer;
    }

    public void revoke(ApiKey key) {
        changed(key);
        key.revoke(clock.instant());
    }

    public Issued roll(ApiKey key, Instant graceUntil) {
        changed(key);
        String secret = format.generate(key.type(), key.environment(), key.tenantId());
        key.roll(format.secretOf(secret), graceUntil, clock.instant());
        return new Issued(key, secret);
    }

    /** Every node drops the cached secrets of this key once the change commits. */
    public void changed(ApiKey key) {
        invalidations.invalidate(cache, key.secretHash());
        if (key.previousSecretHash() != null) {
            invalidations.invalidate(cache, key.previousSecretHash());
        }
    }

    public Instant now() {
        return clock.instant();
    }
}
