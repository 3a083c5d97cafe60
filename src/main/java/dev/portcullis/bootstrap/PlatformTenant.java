package dev.portcullis.bootstrap;

import dev.portcullis.access.Environment;
import dev.portcullis.access.Role;
import dev.portcullis.keys.control.ApiKeys;
import dev.portcullis.keys.control.KeyFormat;
import dev.portcullis.keys.entity.KeyType;
import dev.portcullis.ratelimit.entity.Plan;
import dev.portcullis.tenants.entity.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The platform tenant, created with its first platform-admin key on an empty database. The key is
 * {@code portcullis.bootstrap.admin-key} when that is set (and well formed); otherwise one is generated.
 */
@ApplicationScoped
public class PlatformTenant {

    /** The platform's own quotas: high, because every tenant is administered through them. */
    private static final long PLATFORM_PER_MINUTE = 1_000_000;
    private static final long PLATFORM_PER_DAY = 100_000_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    ApiKeys keys;

    @Inject
    KeyFormat format;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "portcullis.bootstrap.admin-key")
    Optional<String> configuredKey;

    @Transactional
    public boolean exists() {
        return em.find(Tenant.class, Tenant.PLATFORM_ID) != null;
    }

    /**
     * Creates it; returns the generated platform-admin key, to be shown once after the commit, or empty
     * when the configured key was installed. Fails (primary key) when another node creates it at the
     * same moment; see {@link Bootstrap}.
     */
    @Transactional
    public Optional<String> create() {
        Optional<String> configured = configuredKey.map(String::strip).filter(k -> !k.isEmpty());
        configured.ifPresent(this::requireWellFormed);
        Tenant platform = new Tenant(Tenant.PLATFORM_ID, "Platform", Plan.ENTERPRISE, clock.instant());
        platform.limitTo(PLATFORM_PER_MINUTE, PLATFORM_PER_DAY, clock.instant());
        em.persist(platform);
        // tenant_id is a plain column, so EclipseLink cannot order the inserts by itself
        em.flush();
        if (configured.isPresent()) {
            keys.install(Tenant.PLATFORM_ID, "bootstrap platform admin", configured.get(), Role.PLATFORM_ADMIN);
            return Optional.empty();
        }
        return Optional.of(keys.create(Tenant.PLATFORM_ID, "bootstrap platform admin", KeyType.SECRET,
                Environment.LIVE, Role.PLATFORM_ADMIN, null).secret());
    }

    private void requireWellFormed(String key) {
        var parsed = format.parse(key);
        if (parsed.isEmpty() || parsed.get().type() != KeyType.SECRET) {
            throw new IllegalStateException("portcullis.bootstrap.admin-key (PORTCULLIS_BOOTSTRAP_ADMIN_KEY) is not a "
                    + "well-formed secret key of this server's prefix family; refusing to start");
        }
    }
}
