package dev.portcullis.tenants.control;

import dev.portcullis.Ids;
import dev.portcullis.OnRequestPath;
import dev.portcullis.cluster.Invalidations;
import dev.portcullis.cluster.NodeCache;
import dev.portcullis.database.Page;
import dev.portcullis.errors.NotFound;
import dev.portcullis.errors.ValidationFailed;
import dev.portcullis.net.IpAllowlist;
import dev.portcullis.ratelimit.control.LimitOverride;
import dev.portcullis.ratelimit.control.Limits;
import dev.portcullis.ratelimit.control.Plans;
import dev.portcullis.ratelimit.entity.Plan;
import dev.portcullis.tenants.entity.Tenant;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@OnRequestPath
public class Tenants {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Invalidations invalidations;

    @Inject
    Plans plans;

    @Inject
    Event<Suspended> suspensions;

    private NodeCache<TenantView> cache;

    /** Fired inside the suspending transaction, so listeners revoke sessions atomically with it. */
    public record Suspended(String tenantId) {
    }

    @PostConstruct
    void createCache() {
        cache = invalidations.cache("tenants", 200_000);
    }

    /** The hot-path read: served from this node's cache after the first request. */
    public Optional<TenantView> view(String id) {
        return cache.get(id, key -> Optional.ofNullable(em.find(Tenant.class, key)).map(TenantView::from));
    }

    /** The tenant of a credential, which must be active: a suspended tenant's credentials stop here. */
    public TenantView active(String id) {
        return view(id).filter(TenantView::active).orElseThrow(TenantSuspended::new);
    }

    /** The rate limits of a tenant: its own numbers where it has them, else its plan's. */
    public Limits limits(TenantView tenant) {
        return plans.of(tenant.plan(), tenant.limits());
    }

    public Optional<Tenant> find(String id) {
        return Optional.ofNullable(em.find(Tenant.class, id));
    }

    public Tenant get(String id) {
        return find(id).orElseThrow(() -> new NotFound("Tenant"));
    }

    /** {@code limits}: the tenant's own numbers instead of its plan's, or null. */
    public Tenant create(String name, String plan, LimitOverride limits) {
        Tenant tenant = new Tenant(Ids.next("tenant"), name, existingPlan(plan), clock.instant());
        if (limits != null) {
            tenant.limitTo(limits.perMinute(), limits.perDay(), clock.instant());
        }
        em.persist(tenant);
        return tenant;
    }

    public List<Tenant> page(Page.Position after, int limit) {
        return Page.fetch(em, Tenant.class, "", Map.of(), after, limit);
    }

    public void rename(Tenant tenant, String name) {
        tenant.rename(name, clock.instant());
    }

    public void changePlan(Tenant tenant, String plan) {
        tenant.changePlan(existingPlan(plan), clock.instant());
        changed(tenant);
    }

    public void limit(Tenant tenant, LimitOverride limits) {
        tenant.limitTo(limits.perMinute(), limits.perDay(), clock.instant());
        changed(tenant);
    }

    public void allowIps(Tenant tenant, IpAllowlist list) {
        tenant.allowIps(list.stored(), clock.instant());
        changed(tenant);
    }

    /** {@code suspended}: suspend (its sessions end with it) or reactivate. */
    public void suspend(Tenant tenant, boolean suspended) {
        if (suspended) {
            if (tenant.isPlatform()) {
                throw new ValidationFailed("status", "The platform tenant cannot be suspended");
            }
            tenant.suspend(clock.instant());
            suspensions.fire(new Suspended(tenant.id()));
        } else {
            tenant.activate(clock.instant());
        }
        changed(tenant);
    }

    /** Every node drops its cached copy once the change commits. */
    private void changed(Tenant tenant) {
        invalidations.invalidate(cache, tenant.id());
    }

    private String existingPlan(String plan) {
        if (em.find(Plan.class, plan) == null) {
            throw new ValidationFailed("plan", "Unknown plan: " + plan);
        }
        return plan;
    }
}
