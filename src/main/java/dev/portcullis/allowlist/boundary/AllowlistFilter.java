package dev.portcullis.allowlist.boundary;

import dev.portcullis.allowlist.control.IpAllowlist;
import dev.portcullis.errors.IpNotAllowed;
import dev.portcullis.security.Caller;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * After authentication and tenant resolution, before rate limiting: the client address must be on
 * the allowlist of the credential's own tenant and on the key's own list, wherever one is set.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION + 200)
public class AllowlistFilter implements ContainerRequestFilter {

    @Inject
    Caller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!caller.isAuthenticated()) {
            return;
        }
        if (!IpAllowlist.allowedByBoth(caller.homeTenant().allowlist(), caller.keyAllowlist(), caller.clientAddress())) {
            throw new IpNotAllowed();
        }
    }
}
