package dev.portcullis.health;

import dev.portcullis.access.Caller;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@Path("v1/health")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    /** {@code tenant_id} is absent (not null) without a credential: JSON-B leaves nulls out. */
    @JsonbPropertyOrder({"status", "service", "version", "tenantId", "timestamp"})
    public record Health(String status, String service, String version, String tenantId, String timestamp) {
    }

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "portcullis.service-name", defaultValue = "portcullis")
    String service;

    @Inject
    @ConfigProperty(name = "portcullis.version", defaultValue = "unknown")
    String version;

    @GET
    @PermitAll
    public Health health() {
        return new Health("healthy", service, version, caller.isAuthenticated() ? caller.tenantId() : null,
                clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
    }
}
