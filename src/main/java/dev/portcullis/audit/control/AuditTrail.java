package dev.portcullis.audit.control;

import dev.portcullis.Ids;
import dev.portcullis.access.Audited;
import dev.portcullis.access.Caller;
import dev.portcullis.audit.entity.AuditEvent;
import dev.portcullis.cluster.JobLocks;
import dev.portcullis.database.Database;
import dev.portcullis.database.Page;
import dev.portcullis.errors.RequestIdFilter;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes the audit trail and reads it back. A record is written in the transaction of what it records
 * (every writing method requires one), so a change is never without its record and a change rolled
 * back leaves none. Each record is also fired as a CDI event inside that transaction, for those who
 * act on changes (webhooks). Records older than {@code audit.retention-days} are purged in the
 * background, by one node at a time.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    Event<AuditEvent> recorded;

    @Inject
    JobLocks jobs;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "audit.retention-days", defaultValue = "365")
    int retentionDays;

    @Inject
    @ConfigProperty(name = "audit.purge-interval", defaultValue = "PT1H")
    Duration purgeInterval;

    private ScheduledFuture<?> purging;

    /** What a reader asks for; null parts do not narrow. {@code tenantId} null: every tenant's and the platform's. */
    public record Filter(String tenantId, String action, String targetId, String actorId, Instant from, Instant to) {
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (retentionDays < 0) {
            throw new IllegalStateException("audit.retention-days must be 0 (keep every record) or a number of days, not "
                    + retentionDays);
        }
        long every = purgeInterval.toMillis();
        purging = scheduler.scheduleWithFixedDelay(this::purge, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        if (purging != null) {
            purging.cancel(false);
        }
    }

    /** A change the caller made through the API, to {@code targetId} ({@link Audited} says whose trail). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(String action, Audited.Of of, String targetId, JsonObject changes) {
        String tenantId = switch (of) {
            case ACTING_TENANT -> caller.tenantId();
            case TENANT -> targetId;
            case PLATFORM -> null;
        };
        AuditEvent.ActorType actorType = switch (caller.credential()) {
            case API_KEY -> AuditEvent.ActorType.API_KEY;
            case SESSION -> AuditEvent.ActorType.USER;
            case NONE -> AuditEvent.ActorType.ANONYMOUS;
        };
        String actorId = caller.isAuthenticated() ? caller.subject() : null;
        String actorTenant = caller.isAuthenticated() && !caller.homeTenantId().equals(tenantId) ? caller.homeTenantId() : null;
        write(tenantId, action, actorType, actorId, actorTenant, targetId, changes);
    }

    /**
     * A security event of a tenant (a login, a lockout, a refresh token used twice), by the user it names
     * or, with {@code userId} null, by nobody known.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void securityEvent(String action, String tenantId, String userId, String targetId, JsonObject details) {
        write(tenantId, action, userId == null ? AuditEvent.ActorType.ANONYMOUS : AuditEvent.ActorType.USER, userId, null,
                targetId, details);
    }

    private void write(String tenantId, String action, AuditEvent.ActorType actorType, String actorId, String actorTenant,
                       String targetId, JsonObject changes) {
        AuditEvent event = new AuditEvent(Ids.next("audit"), clock.instant(), tenantId, action, actorType, actorId, actorTenant,
                targetId, caller.clientAddressText(), RequestIdFilter.current(),
                changes == null || changes.isEmpty() ? null : changes.toString());
        em.persist(event);
        recorded.fire(event);
    }

    /** Newest first, after {@code after} (the position of the last record of the previous page), one more than {@code limit}. */
    public List<AuditEvent> page(Filter filter, Page.Position after, int limit) {
        StringBuilder where = new StringBuilder("(e.occurredAt < :at or (e.occurredAt = :at and e.id < :id))");
        Map<String, Object> parameters = new HashMap<>();
        narrow(where, parameters, "e.tenantId", "tenant", filter.tenantId());
        narrow(where, parameters, "e.action", "action", filter.action());
        narrow(where, parameters, "e.targetId", "target", filter.targetId());
        narrow(where, parameters, "e.actorId", "actor", filter.actorId());
        if (filter.from() != null) {
            where.append(" and e.occurredAt >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and e.occurredAt < :to");
            parameters.put("to", filter.to());
        }
        TypedQuery<AuditEvent> query = em.createQuery("select e from AuditEvent e where " + where
                + " order by e.occurredAt desc, e.id desc", AuditEvent.class);
        parameters.forEach(query::setParameter);
        boolean start = after == Page.Position.START;
        return query.setParameter("at", start ? Instant.ofEpochMilli(Long.MAX_VALUE) : after.createdAt())
                .setParameter("id", start ? "" : after.id())
                .setMaxResults(limit + 1).getResultList();
    }

    private static void narrow(StringBuilder where, Map<String, Object> parameters, String column, String name, String value) {
        if (value != null) {
            where.append(" and ").append(column).append(" = :").append(name);
            parameters.put(name, value);
        }
    }

    /**
     * Deletes the records past the retention, on one node at a time. Plain JDBC, outside any transaction
     * of a request: the trail's only delete, and the application's only way to lose a record.
     */
    public void purge() {
        if (retentionDays == 0) {
            return;
        }
        jobs.runAlone("audit-purge", purgeInterval.plusMinutes(5), () -> {
            long before = clock.instant().minus(Duration.ofDays(retentionDays)).toEpochMilli();
            try {
                Database.patiently(dataSource, connection -> {
                    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM audit_events WHERE occurred_at < ?")) {
                        delete.setLong(1, before);
                        int purged = delete.executeUpdate();
                        if (purged > 0) {
                            LOG.fine(() -> "Purged " + purged + " audit records");
                        }
                    }
                });
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.WARNING, "Could not purge the audit trail; will retry", e);
            }
        });
    }
}
