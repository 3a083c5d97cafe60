package dev.portcullis.audit.boundary;

import dev.portcullis.access.Caller;
import dev.portcullis.access.InsufficientPermissions;
import dev.portcullis.access.RequiresScope;
import dev.portcullis.access.Role;
import dev.portcullis.access.Scopes;
import dev.portcullis.audit.control.AuditTrail;
import dev.portcullis.database.Page;
import dev.portcullis.errors.ValidationFailed;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * {@code GET /v1/audit-events}: the audit trail, newest first. A tenant admin reads the trail of the
 * tenant the request acts for. A platform admin reads one tenant's with {@code X-Tenant-ID} (or
 * {@code ?tenant_id=}), and without either every tenant's and the platform's own (plans).
 */
@Path("v1/audit-events")
@ApplicationScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AuditEventsResource {

    @Inject
    AuditTrail trail;

    @Inject
    Caller caller;

    @GET
    @Transactional
    @RequiresScope(Scopes.AUDIT_READ)
    public Page<AuditEventResponse> list(@QueryParam("tenant_id") String tenantId, @QueryParam("action") String action,
                                         @QueryParam("target") String target, @QueryParam("actor") String actor,
                                         @QueryParam("from") String from, @QueryParam("to") String to,
                                         @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        int size = Page.limit(limit);
        Instant since = instant("from", from);
        Instant until = instant("to", to);
        if (since != null && until != null && !since.isBefore(until)) {
            throw new ValidationFailed("from", "from must be before to");
        }
        AuditTrail.Filter filter = new AuditTrail.Filter(tenant(tenantId), blankToNull(action), blankToNull(target),
                blankToNull(actor), since, until);
        return Page.of(trail.page(filter, Page.Position.decode(cursor), size), size, AuditEventResponse::from,
                event -> new Page.Position(event.occurredAt(), event.id()));
    }

    /** The trail the caller may read and asked for; null: all of them. */
    private String tenant(String requested) {
        boolean actingFor = !caller.tenantId().equals(caller.homeTenantId());
        if (!caller.isPlatformAdmin() || actingFor) {
            if (requested != null && !requested.equals(caller.tenantId())) {
                throw InsufficientPermissions.requiringRole(Role.PLATFORM_ADMIN.value());
            }
            return caller.tenantId();
        }
        return blankToNull(requested);
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ValidationFailed(field, field + " must be an ISO-8601 instant such as 2030-01-01T00:00:00Z");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
