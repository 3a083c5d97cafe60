package dev.portcullis.security;

import dev.portcullis.errors.InsufficientPermissions;
import dev.portcullis.errors.NotFound;
import dev.portcullis.errors.TenantSuspended;
import dev.portcullis.tenants.control.TenantView;
import dev.portcullis.tenants.control.Tenants;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.regex.Pattern;

/**
 * Decides which tenant the request acts for. A suspended tenant's credentials stop here. Only a
 * platform admin's secret key may name another tenant in {@code X-Tenant-ID}; anyone else naming any
 * tenant gets 403, and an unknown tenant 404.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION + 100)
public class TenantFilter implements ContainerRequestFilter {

    public static final String HEADER = "X-Tenant-ID";
    private static final Pattern TENANT_ID = Pattern.compile("tenant_[A-Za-z0-9]{1,57}");

    @Inject
    Caller caller;

    @Inject
    Tenants tenants;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!caller.isAuthenticated()) {
            return;
        }
        TenantView home = tenants.view(caller.homeTenantId()).orElseThrow(TenantSuspended::new);
        if (!home.active()) {
            throw new TenantSuspended();
        }
        caller.homeTenant(home);
        String requested = request.getHeaderString(HEADER);
        if (requested == null) {
            return;
        }
        if (!caller.isPlatformAdmin() || caller.isTenantBound()) {
            throw InsufficientPermissions.requiringRole(Role.PLATFORM_ADMIN.value());
        }
        String tenantId = requested.strip();
        if (!TENANT_ID.matcher(tenantId).matches() || tenants.view(tenantId).isEmpty()) {
            throw new NotFound("Tenant");
        }
        caller.actFor(tenantId);
    }
}
