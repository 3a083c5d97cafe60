package dev.portcullis.ratelimit.control;

import dev.portcullis.OnRequestPath;
import dev.portcullis.cluster.Invalidations;
import dev.portcullis.cluster.NodeCache;
import dev.portcullis.errors.Conflict;
import dev.portcullis.errors.NotFound;
import dev.portcullis.ratelimit.entity.Plan;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Plans as data, and the limits that apply to a tenant: its own numbers if it has them, else its plan's. */
@OnRequestPath
public class Plans {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Invalidations invalidations;

    private NodeCache<Limits> cache;

    @PostConstruct
    void createCache() {
        cache = invalidations.cache("plans", 10_000);
    }

    /** The limits of a tenant on {@code plan} with its own numbers where it has them, from node caches only. */
    public Limits of(String plan, LimitOverride tenantOwn) {
        Limits limits = cache.get(plan, name -> Optional.ofNullable(em.find(Plan.class, name))
                        .map(p -> new Limits(p.perMinute(), p.perDay())))
                .orElseThrow(() -> new IllegalStateException("a tenant is on the missing plan " + plan));
        return tenantOwn.over(limits);
    }

    public List<Plan> all() {
        return em.createQuery("select p from Plan p order by p.name", Plan.class).getResultList();
    }

    public Plan get(String name) {
        return Optional.ofNullable(em.find(Plan.class, name)).orElseThrow(() -> new NotFound("Plan"));
    }

    public Plan create(String name, Limits limits) {
        if (em.find(Plan.class, name) != null) {
            throw new Conflict("A plan named " + name + " exists already");
        }
        Plan plan = new Plan(name, limits.perMinute(), limits.perDay(), clock.instant());
        em.persist(plan);
        return plan;
    }

    public void change(Plan plan, Limits limits) {
        plan.limitTo(limits.perMinute(), limits.perDay(), clock.instant());
        invalidations.invalidate(cache, plan.name());
    }
}
