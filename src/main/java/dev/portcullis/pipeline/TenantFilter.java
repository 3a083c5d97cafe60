package dev.portcullis.pipeline;

import dev.portcullis.access.Caller;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Which tenant the request acts for: the credential's own, which must be active (a suspended tenant's
 * credentials stop here), or the one a platform admin names in {@code X-Tenant-ID}.
 */
@Provider
@ApplicationScoped
@Priority(FilterOrder.TENANT)
public class TenantFilter implements ContainerRequestFilter {

    public static final String HEADER = "X-Tenant-ID";

    @Inject
    Caller caller;

    @Inject
    Admission admission;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!caller.isAuthenticated()) {
            return;
        }
        Passage passage = Passage.of(request);
        passage.home = admission.homeTenant(passage.presented);
        String requested = request.getHeaderString(HEADER);
        if (requested != null) {
            caller.actsFor(admission.tenantToActFor(passage.presented, requested));
        }
    }
}
