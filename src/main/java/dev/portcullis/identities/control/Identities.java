package dev.portcullis.identities.control;

import dev.portcullis.Ids;
import dev.portcullis.OnRequestPath;
import dev.portcullis.access.Environment;
import dev.portcullis.cluster.Invalidations;
import dev.portcullis.cluster.NodeCache;
import dev.portcullis.database.Page;
import dev.portcullis.errors.Conflict;
import dev.portcullis.errors.NotFound;
import dev.portcullis.identities.entity.Identity;
import dev.portcullis.ratelimit.control.ChargePlan;
import dev.portcullis.ratelimit.control.LimitOverride;
import dev.portcullis.ratelimit.control.NamedLimit;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The identities of a tenant and their limits. The pipeline reads an identity's limits from a cache on
 * each node, which every change drops on every node before it returns.
 */
@OnRequestPath
public class Identities {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Invalidations invalidations;

    private NodeCache<ChargePlan.Identity> cache;

    /** What may change; null fields stay as they are ({@code limits} replaces the numbers as a whole). */
    public record Change(String externalId, String meta, LimitOverride limits, List<NamedLimit> named) {
    }

    @PostConstruct
    void createCache() {
        cache = invalidations.cache("identities", 200_000);
    }

    /** The hot-path read: an identity's limits, from this node's cache after the first request. */
    public Optional<ChargePlan.Identity> limitsOf(String identityId) {
        return cache.get(identityId, id -> Optional.ofNullable(em.find(Identity.class, id)).map(Identities::limits));
    }

    public Identity create(String tenantId, Environment environment, Change details) {
        requireFree(tenantId, environment, details.externalId(), null);
        Identity identity = new Identity(Ids.next("identity"), tenantId, environment, details.externalId(), clock.instant());
        identity.describe(details.externalId(), details.meta(), clock.instant());
        LimitOverride limits = details.limits() == null ? LimitOverride.NONE : details.limits();
        identity.limitTo(limits.perMinute(), limits.perDay(), NamedLimit.stored(details.named()), clock.instant());
        em.persist(identity);
        return identity;
    }

    /** An identity a credential of {@code viewer}'s environment may see; any other is simply not found. */
    public Identity get(String tenantId, Environment viewer, String id) {
        Identity identity = em.find(Identity.class, id);
        if (identity == null || !identity.isVisibleTo(tenantId, viewer)) {
            throw new NotFound("Identity");
        }
        return identity;
    }

    public List<Identity> page(String tenantId, Environment viewer, String externalId, Page.Position after, int limit) {
        StringBuilder filter = new StringBuilder("e.tenantId = :tenant");
        Map<String, Object> parameters = new HashMap<>(Map.of("tenant", tenantId));
        if (viewer != Environment.LIVE) {
            filter.append(" and e.environment = :environment");
            parameters.put("environment", viewer.value());
        }
        if (externalId != null) {
            filter.append(" and e.externalId = :external");
            parameters.put("external", externalId);
        }
        return Page.fetch(em, Identity.class, filter.toString(), parameters, after, limit);
    }

    public Identity change(Identity identity, Change change) {
        if (change.externalId() != null || change.meta() != null) {
            String externalId = change.externalId() == null ? identity.externalId() : change.externalId();
            requireFree(identity.tenantId(), identity.environment(), externalId, identity.id());
            identity.describe(externalId, change.meta() == null ? identity.meta() : change.meta(), clock.instant());
        }
        if (change.limits() != null || change.named() != null) {
            LimitOverride limits = change.limits() == null ? new LimitOverride(identity.perMinute(), identity.perDay()) : change.limits();
            identity.limitTo(limits.perMinute(), limits.perDay(),
                    change.named() == null ? identity.namedLimits() : NamedLimit.stored(change.named()), clock.instant());
            invalidations.invalidate(cache, identity.id());
        }
        return identity;
    }

    /** Only an identity without keys (the database's reference says so): its keys' counts live with it. */
    public void delete(Identity identity) {
        em.remove(identity);
        try {
            em.flush();
        } catch (PersistenceException referenced) {
            throw new Conflict("Keys belong to this identity; move them to another identity or revoke them first");
        }
        invalidations.invalidate(cache, identity.id());
    }

    private void requireFree(String tenantId, Environment environment, String externalId, String except) {
        List<String> taken = em.createQuery("""
                        select i.id from Identity i where i.tenantId = :tenant and i.environment = :environment
                        and i.externalId = :external""", String.class)
                .setParameter("tenant", tenantId).setParameter("environment", environment.value())
                .setParameter("external", externalId).getResultList();
        if (taken.stream().anyMatch(id -> !id.equals(except))) {
            throw new Conflict("An identity with this external_id exists in this tenant");
        }
    }

    private static ChargePlan.Identity limits(Identity identity) {
        return new ChargePlan.Identity(identity.id(), new LimitOverride(identity.perMinute(), identity.perDay()),
                NamedLimit.fromStored(identity.namedLimits()));
    }
}
