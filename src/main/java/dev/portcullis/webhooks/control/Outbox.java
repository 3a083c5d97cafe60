package dev.portcullis.webhooks.control;

import dev.portcullis.Ids;
import dev.portcullis.database.Page;
import dev.portcullis.sealing.Seal;
import dev.portcullis.webhooks.entity.Delivery;
import dev.portcullis.webhooks.entity.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The outbox of webhook deliveries. An event becomes one row per endpoint that wants it, in the
 * transaction of what caused it (every raising method requires one), so the event exists exactly when
 * its cause does, through crashes and {@code kill -9}. The delivery worker ({@link Dispatcher}) reads
 * the due rows and writes each attempt's outcome back.
 */
@ApplicationScoped
public class Outbox {

    @PersistenceContext
    EntityManager em;

    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    @Inject
    Seal seal;

    @Inject
    Clock clock;

    /** A delivery that is due, with what its attempt needs. */
    public record Due(String deliveryId, String url, String secret, String eventId, String body, Instant createdAt, int attempts) {
    }

    /** Raises {@code type} for every enabled endpoint of {@code tenantId} that subscribed to it; the event's id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String raise(String tenantId, EventType type, JsonObject data) {
        List<Webhook> endpoints = em.createQuery("select w from Webhook w where w.tenantId = :tenant and w.enabled = true",
                Webhook.class).setParameter("tenant", tenantId).getResultList();
        String eventId = Ids.next("evt");
        Instant now = clock.instant();
        String body = null;
        for (Webhook endpoint : endpoints) {
            if (endpoint.wants(type.value())) {
                body = body == null ? body(eventId, type, now, tenantId, data) : body;
                em.persist(new Delivery(Ids.next("dlv"), endpoint, eventId, type.value(), body, now));
            }
        }
        return eventId;
    }

    /** Raises {@code type} for this one endpoint, whatever it subscribed to (the test event). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Delivery raiseFor(Webhook endpoint, EventType type, JsonObject data) {
        String eventId = Ids.next("evt");
        Instant now = clock.instant();
        Delivery delivery = new Delivery(Ids.next("dlv"), endpoint, eventId, type.value(),
                body(eventId, type, now, endpoint.tenantId(), data), now);
        em.persist(delivery);
        return delivery;
    }

    /**
     * Raises {@code type} unless it was raised before for {@code subjectId} on {@code occasion} (a key's
     * expiry, a quota threshold of a day): true when it is raised now. In a transaction of its own, whose
     * commit fails on the notices' primary key if another node raised it meanwhile; the caller treats
     * that failure as "raised elsewhere".
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean raiseOnce(String tenantId, String subjectId, String occasion, EventType type, JsonObject data) {
        int inserted = em.createNativeQuery("INSERT INTO webhook_notices (subject_id, occasion, created_at) "
                        + "SELECT CAST(?1 AS VARCHAR(64)), CAST(?2 AS VARCHAR(100)), CAST(?3 AS BIGINT) WHERE NOT EXISTS "
                        + "(SELECT 1 FROM webhook_notices WHERE subject_id = ?4 AND occasion = ?5)")
                .setParameter(1, subjectId).setParameter(2, occasion).setParameter(3, clock.millis())
                .setParameter(4, subjectId).setParameter(5, occasion).executeUpdate();
        if (inserted == 0) {
            return false;
        }
        raise(tenantId, type, data);
        return true;
    }

    /** The deliveries due now, the longest waiting first, with their endpoints' current URL and secret. */
    @Transactional
    public List<Due> due(int limit) {
        List<Object[]> rows = em.createQuery("select d, w from Delivery d, Webhook w where w.id = d.webhookId"
                        + " and d.status = :pending and d.nextAttemptAt <= :now order by d.nextAttemptAt, d.id", Object[].class)
                .setParameter("pending", Delivery.Status.PENDING.value())
                .setParameter("now", clock.instant())
                .setMaxResults(limit).getResultList();
        List<Due> due = new ArrayList<>();
        for (Object[] row : rows) {
            Delivery delivery = (Delivery) row[0];
            Webhook endpoint = (Webhook) row[1];
            String secret;
            try {
                secret = seal.open(endpoint.id(), endpoint.storedSecret());
            } catch (IllegalStateException sealedWithAnotherKey) {
                // A start checks every stored secret, so only a row copied in or sealed by a node with another
                // key gets here: it waits, the other endpoints' deliveries go.
                LOG.warning(sealedWithAnotherKey.getMessage() + "; its deliveries wait");
                continue;
            }
            due.add(new Due(delivery.id(), endpoint.url(), secret, delivery.eventId(), delivery.body(), delivery.createdAt(),
                    delivery.attempts()));
        }
        return due;
    }

    /** A 2xx answer. False when the delivery is gone (its endpoint was deleted meanwhile). */
    @Transactional
    public boolean delivered(String deliveryId, int statusCode) {
        Delivery delivery = em.find(Delivery.class, deliveryId);
        if (delivery == null) {
            return false;
        }
        delivery.delivered(statusCode, clock.instant());
        return true;
    }

    /** A failed attempt, {@code next} null when it was the last; false when the delivery is gone. */
    @Transactional
    public boolean failed(String deliveryId, Integer statusCode, String error, Instant next) {
        Delivery delivery = em.find(Delivery.class, deliveryId);
        if (delivery == null) {
            return false;
        }
        delivery.failed(statusCode, error, next, clock.instant());
        return true;
    }

    /** An endpoint's deliveries in creation order, after {@code after}, one more than {@code limit}. */
    public List<Delivery> page(String webhookId, Page.Position after, int limit) {
        return Page.fetch(em, Delivery.class, "e.webhookId = :webhook", Map.of("webhook", webhookId), after, limit);
    }

    /** Drops an endpoint's deliveries, sent or not, with the endpoint. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void dropAll(String webhookId) {
        em.createQuery("delete from Delivery d where d.webhookId = :webhook").setParameter("webhook", webhookId).executeUpdate();
    }

    public Instant now() {
        return clock.instant();
    }

    /** What receivers get: {@code {"id","type","created_at","tenant_id","data"}}. */
    static String body(String eventId, EventType type, Instant createdAt, String tenantId, JsonObject data) {
        return Json.createObjectBuilder()
                .add("id", eventId)
                .add("type", type.value())
                .add("created_at", createdAt.toString())
                .add("tenant_id", tenantId)
                .add("data", data)
                .build().toString();
    }
}
