package dev.portcullis.tenants.boundary;

import dev.portcullis.access.Audited;
import dev.portcullis.access.Caller;
import dev.portcullis.access.RequiresScope;
import dev.portcullis.access.Scopes;
import dev.portcullis.audit.control.AuditTrail;
import dev.portcullis.database.Page;
import dev.portcullis.errors.NotFound;
import dev.portcullis.ratelimit.entity.Plan;
import dev.portcullis.tenants.control.Tenants;
import dev.portcullis.tenants.entity.Tenant;
import dev.portcullis.validation.TextPolicy;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * {@code /v1/tenants}: platform admins manage every tenant; any other caller sees only its own
 * tenant, and another tenant's id answers 404 as if it did not exist.
 */
@Path("v1/tenants")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TenantsResource {

    @Inject
    Tenants tenants;

    @Inject
    Caller caller;

    @Inject
    AuditTrail trail;

    @POST
    @RolesAllowed("platform_admin")
    @Transactional
    @RequiresScope(Scopes.TENANTS_MANAGE)
    @Audited(value = "tenant.created", of = Audited.Of.TENANT)
    public Response create(@NotNull(message = "is required") @Valid NewTenant body, @Context UriInfo uri) {
        Tenant tenant = tenants.create(TextPolicy.normalized(body.name()), body.plan() == null ? Plan.FREE : body.plan(),
                body.rateLimit() == null ? null : body.rateLimit().override());
        return Response.created(uri.getAbsolutePathBuilder().path(tenant.id()).build())
                .entity(TenantResponse.from(tenant)).build();
    }

    @GET
    @Transactional
    @RequiresScope(Scopes.TENANTS_READ)
    public Page<TenantResponse> list(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        int size = Page.limit(limit);
        Page.Position after = Page.Position.decode(cursor);
        if (!caller.isPlatformAdmin()) {
            Tenant own = tenants.get(caller.homeTenantId());
            List<Tenant> visible = Page.Position.START.equals(after) ? List.of(own) : List.of();
            return Page.of(visible, size, TenantResponse::from, TenantsResource::position);
        }
        return Page.of(tenants.page(after, size), size, TenantResponse::from, TenantsResource::position);
    }

    @GET
    @Path("{id}")
    @Transactional
    @RequiresScope(Scopes.TENANTS_READ)
    public TenantResponse get(@PathParam("id") String id) {
        return TenantResponse.from(visible(id));
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed("platform_admin")
    @Transactional
    @RequiresScope(Scopes.TENANTS_MANAGE)
    @Audited(value = "tenant.updated", of = Audited.Of.TENANT)
    public TenantResponse update(@PathParam("id") String id, @NotNull(message = "is required") @Valid TenantChange body) {
        Tenant tenant = tenants.get(id);
        if (body.name() != null) {
            tenants.rename(tenant, TextPolicy.normalized(body.name()));
        }
        if (body.plan() != null) {
            tenants.changePlan(tenant, body.plan());
        }
        if (body.status() != null && !body.status().equals(tenant.status())) {
            boolean suspending = Tenant.SUSPENDED.equals(body.status());
            tenants.suspend(tenant, suspending);
            // A security event of its own, beside tenant.updated: the tenant's every credential stops or starts working.
            trail.changed(suspending ? "tenant.suspended" : "tenant.reactivated", Audited.Of.TENANT, tenant.id(),
                    JsonValue.EMPTY_JSON_OBJECT);
        }
        if (body.rateLimit() != null) {
            tenants.limit(tenant, body.rateLimit().override());
        }
        return TenantResponse.from(tenant);
    }

    private Tenant visible(String id) {
        if (!caller.isPlatformAdmin() && !id.equals(caller.homeTenantId())) {
            throw new NotFound("Tenant");
        }
        return tenants.get(id);
    }

    private static Page.Position position(Tenant tenant) {
        return new Page.Position(tenant.createdAt(), tenant.id());
    }
}
