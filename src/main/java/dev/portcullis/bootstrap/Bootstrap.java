package dev.portcullis.bootstrap;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * First start with an empty database: creates the {@link PlatformTenant}. Runs after the migrations
 * (observer priority 10). Nodes started together on one empty database all find it missing and all try;
 * the database lets one create it and refuses the others (primary key), which then use that one instead
 * of failing their start. Only the creator shows a generated key, once, after its commit.
 */
@ApplicationScoped
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

    @Inject
    PlatformTenant platform;

    void onStart(@Observes @Priority(10) @Initialized(ApplicationScoped.class) Object started) {
        if (platform.exists()) {
            return;
        }
        Optional<String> generated;
        try {
            generated = platform.create();
        } catch (PersistenceException | TransactionalException refused) {
            if (!platform.exists()) {
                throw refused;
            }
            LOG.info("Another node created the platform tenant at the same moment; this node uses it");
            return;
        }
        // After the commit, so that a key is never shown that a failed transaction took back. The one
        // place a key is ever written to the log: there is no other way to hand it over.
        generated.ifPresentOrElse(
                key -> LOG.warning("Created the platform tenant. Platform-admin API key (shown only this once, "
                        + "store it now): " + key),
                () -> LOG.info("Created the platform tenant with the configured platform-admin key"));
    }
}
