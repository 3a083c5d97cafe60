package dev.portcullis.pipeline;

import dev.portcullis.access.Caller;
import dev.portcullis.access.Role;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/** The caller seen through JAX-RS: roles follow the role ladder; the principal of a session is its JWT. */
final class CallerSecurityContext implements SecurityContext {

    private final Caller caller;
    private final boolean secure;

    CallerSecurityContext(Caller caller, boolean secure) {
        this.caller = caller;
        this.secure = secure;
    }

    Caller caller() {
        return caller;
    }

    @Override
    public Principal getUserPrincipal() {
        if (!caller.isAuthenticated()) {
            return null;
        }
        return caller.token().<Principal>map(token -> token).orElseGet(() -> caller::subject);
    }

    @Override
    public boolean isUserInRole(String role) {
        return Role.of(role).map(caller::has).orElse(false);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return caller.isAuthenticated() ? "Bearer" : null;
    }
}
