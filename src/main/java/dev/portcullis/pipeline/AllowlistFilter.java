package dev.portcullis.pipeline;

import dev.portcullis.access.Caller;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/** The client's address must be on the allowlist of the credential's own tenant and on the key's own list. */
@Provider
@ApplicationScoped
@Priority(FilterOrder.ALLOWLIST)
public class AllowlistFilter implements ContainerRequestFilter {

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
        admission.checkAddress(passage.home, passage.presented, caller.clientAddress());
    }
}
