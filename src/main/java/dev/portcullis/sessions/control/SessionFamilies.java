package dev.portcullis.sessions.control;

import dev.portcullis.Ids;
import dev.portcullis.OnRequestPath;
import dev.portcullis.access.Environment;
import dev.portcullis.cluster.Invalidations;
import dev.portcullis.cluster.NodeCache;
import dev.portcullis.sessions.entity.SessionFamily;
import dev.portcullis.tenants.control.Tenants;
import dev.portcullis.users.control.Users;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Session families: created at login, revoked at logout, on refresh-token reuse, and whenever the
 * user or tenant is disabled, deleted, re-passworded or suspended. Each node caches which families
 * are alive, so every access token is checked against its family at no database cost.
 */
@OnRequestPath
public class SessionFamilies {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Invalidations invalidations;

    @Inject
    @ConfigProperty(name = "sessions.refresh-token.lifetime", defaultValue = "P30D")
    Duration lifetime;

    private NodeCache<Instant> alive;

    @PostConstruct
    void createCache() {
        alive = invalidations.cache("session-families", 500_000);
    }

    public SessionFamily open(String tenantId, String userId, Environment environment) {
        Instant now = clock.instant();
        SessionFamily family = new SessionFamily(Ids.next("sess"), tenantId, userId, environment, now, now.plus(lifetime));
        em.persist(family);
        // refresh_tokens.family_id is a plain column: EclipseLink cannot order the inserts by itself
        em.flush();
        return family;
    }

    public Optional<SessionFamily> find(String id) {
        return Optional.ofNullable(em.find(SessionFamily.class, id));
    }

    /** The hot-path check: a family that exists, is not revoked and has not reached its absolute end. */
    public boolean isAlive(String id) {
        return alive.get(id, key -> find(key).filter(f -> f.revokedAt() == null).map(SessionFamily::expiresAt))
                .filter(expiresAt -> clock.instant().isBefore(expiresAt))
                .isPresent();
    }

    public void revoke(SessionFamily family, String why) {
        family.revoke(clock.instant(), why);
        invalidations.invalidate(alive, family.id());
    }

    /** For reuse of a spent refresh token: commits even though the request then fails. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void revokeForReuse(String familyId) {
        find(familyId).ifPresent(family -> revoke(family, "refresh token reused"));
    }

    void userSessionsEnded(@Observes Users.SessionsEnded ended) {
        revokeAll(em.createQuery("select f from SessionFamily f where f.userId = :user and f.revokedAt is null",
                SessionFamily.class).setParameter("user", ended.userId()).getResultList(), "user changed");
    }

    void tenantSuspended(@Observes Tenants.Suspended suspended) {
        revokeAll(em.createQuery("select f from SessionFamily f where f.tenantId = :tenant and f.revokedAt is null",
                SessionFamily.class).setParameter("tenant", suspended.tenantId()).getResultList(), "tenant suspended");
    }

    private void revokeAll(List<SessionFamily> families, String why) {
        families.forEach(family -> revoke(family, why));
    }
}
