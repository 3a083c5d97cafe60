package dev.portcullis.allowlist.boundary;

import dev.portcullis.access.Audited;
import dev.portcullis.access.Caller;
import dev.portcullis.access.RequiresScope;
import dev.portcullis.access.Scopes;
import dev.portcullis.net.IpAllowlist;
import dev.portcullis.tenants.control.Tenants;
import dev.portcullis.tenants.entity.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** {@code /v1/auth/ip-allowlist}: the tenant-wide allowlist, exactly as the AudiModal seed posts it. */
@Path("v1/auth/ip-allowlist")
@ApplicationScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IpAllowlistResource {

    public record AllowedIps(List<String> allowedIps) {
    }

    @Inject
    Tenants tenants;

    @Inject
    Caller caller;

    @GET
    @RequiresScope(Scopes.ALLOWLIST_READ)
    @Transactional
    public AllowedIps get() {
        return new AllowedIps(IpAllowlist.fromStored(tenants.get(caller.tenantId()).allowedIps()).values());
    }

    /** Replaces the list; the next request is checked against it. */
    @POST
    @RequiresScope(Scopes.ALLOWLIST_MANAGE)
    @Transactional
    @Audited(value = "allowlist.replaced", of = Audited.Of.TENANT)
    public AllowedIps replace(@NotNull(message = "is required") AllowedIps body) {
        IpAllowlist list = IpAllowlist.fromRequest("allowed_ips", body.allowedIps());
        Tenant tenant = tenants.get(caller.tenantId());
        tenants.allowIps(tenant, list);
        return new AllowedIps(list.values());
    }

    @DELETE
    @RequiresScope(Scopes.ALLOWLIST_MANAGE)
    @Transactional
    @Audited(value = "allowlist.cleared", of = Audited.Of.TENANT)
    public Response clear() {
        tenants.allowIps(tenants.get(caller.tenantId()), IpAllowlist.NONE);
        return Response.noContent().build();
    }
}
