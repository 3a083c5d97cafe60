package dev.portcullis.tenants.boundary;

import dev.portcullis.Page;
import dev.portcullis.errors.NotFound;
import dev.portcullis.errors.Require;
import dev.portcullis.ratelimit.entity.Plan;
import dev.portcullis.security.Caller;
import dev.portcullis.security.RequiresScope;
import dev.portcullis.security.Scopes;
import dev.portcullis.tenants.control.Tenants;
import dev.portcullis.tenants.entity.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
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

    @POST
    @RolesAllowed("platform_admin")
    @Transactional
    @RequiresScope(Scopes.TENANTS_MANAGE)
    public Response create(NewTenant body, @Context UriInfo uri) {
        Require.body(body);
        String name = Require.text("name", body.name(), 200);
        String plan = body.plan() == null ? Plan.FREE : body.plan();
        Tenant tenant = tenants.create(name, plan);
        if (body.rateLimit() != null) {
            tenants.limit(tenant, body.rateLimit().validated());
        }
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
    public TenantResponse update(@PathParam("id") String id, TenantChange body) {
        Require.body(body);
        Tenant tenant = tenants.get(id);
        String name = Require.optionalText("name", body.name(), 200);
        if (name != null) {
            tenants.rename(tenant, name);
        }
        if (body.plan() != null) {
            tenants.changePlan(tenant, body.plan());
        }
        if (body.status() != null) {
            tenants.changeStatus(tenant, body.status());
        }
        if (body.rateLimit() != null) {
            tenants.limit(tenant, body.rateLimit().validated());
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
