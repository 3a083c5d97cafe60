package dev.portcullis.webhooks.control;

import dev.portcullis.Ids;
import dev.portcullis.database.Page;
import dev.portcullis.errors.NotFound;
import dev.portcullis.errors.ValidationFailed;
import dev.portcullis.sealing.Seal;
import dev.portcullis.webhooks.entity.Webhook;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tenant's webhook endpoints: registered, changed, removed, read; every method requires the caller's
 * transaction but the start's sealing of the stored secrets, which has its own.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Webhooks {

    /** Endpoints a tenant may register: each is called for every event it wants. */
    public static final int MAX_PER_TENANT = 20;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Destinations destinations;

    @Inject
    Outbox outbox;

    @Inject
    Seal seal;

    /**
     * After the migrations (observer priority 20): seals the secrets stored unencrypted or sealed with the
     * previous key, when an encryption key is set, and opens each, so that a missing or wrong encryption key
     * stops the start instead of the first delivery.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    void sealStoredSecrets(@Observes @Priority(20) @Initialized(ApplicationScoped.class) Object started) {
        for (Webhook webhook : em.createQuery("select w from Webhook w", Webhook.class).getResultList()) {
            webhook.storeSecretAs(seal.resealed(webhook.id(), webhook.storedSecret()));
        }
    }

    /** A registered endpoint and its signing secret, which is shown this once and stored sealed. */
    public record Registered(Webhook webhook, String secret) {

        @Override
        public String toString() {
            return "Registered[webhook=" + webhook.id() + ", secret=[REDACTED]]";
        }
    }

    /** A new endpoint and its secret, shown this once. */
    public Registered register(String tenantId, String url, List<String> events) {
        long registered = em.createQuery("select count(w) from Webhook w where w.tenantId = :tenant", Long.class)
                .setParameter("tenant", tenantId).getSingleResult();
        if (registered >= MAX_PER_TENANT) {
            throw new ValidationFailed("url", "a tenant has at most " + MAX_PER_TENANT + " webhooks; delete one first");
        }
        String id = Ids.next("wh");
        String secret = Signature.newSecret();
        Webhook webhook = new Webhook(id, tenantId, allowed(url), events(events), seal.seal(id, secret), clock.instant());
        em.persist(webhook);
        return new Registered(webhook, secret);
    }

    /** Absent (null) parts are left as they are. */
    public Webhook change(Webhook webhook, String url, List<String> events, Boolean enabled) {
        if (url != null) {
            webhook.pointTo(allowed(url), clock.instant());
        }
        if (events != null) {
            webhook.subscribe(events(events), clock.instant());
        }
        if (enabled != null) {
            webhook.enable(enabled, clock.instant());
        }
        return webhook;
    }

    /** The endpoint and its deliveries, sent or waiting. */
    public void remove(Webhook webhook) {
        outbox.dropAll(webhook.id());
        em.remove(webhook);
    }

    /** The tenant's endpoint by id; those of other tenants do not exist for it. */
    public Webhook get(String tenantId, String id) {
        Webhook webhook = id == null ? null : em.find(Webhook.class, id);
        if (webhook == null || !webhook.tenantId().equals(tenantId)) {
            throw new NotFound("Webhook");
        }
        return webhook;
    }

    public List<Webhook> page(String tenantId, Page.Position after, int limit) {
        return Page.fetch(em, Webhook.class, "e.tenantId = :tenant", Map.of("tenant", tenantId), after, limit);
    }

    private String allowed(String url) {
        destinations.check(destinations.parse(url));
        return url;
    }

    /** The event names, each known, in the order given, without repeats. */
    static Set<String> events(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new ValidationFailed("events", "events must name at least one event of " + String.join(", ", EventType.subscribable()));
        }
        Set<String> events = new LinkedHashSet<>();
        for (String name : names) {
            if (name == null || !EventType.subscribable().contains(name)) {
                throw new ValidationFailed("events", "'" + (name == null ? "null" : name.length() > 64 ? name.substring(0, 64) + "…" : name)
                        + "' is not an event; the events are " + String.join(", ", EventType.subscribable()));
            }
            events.add(name);
        }
        return events;
    }
}
