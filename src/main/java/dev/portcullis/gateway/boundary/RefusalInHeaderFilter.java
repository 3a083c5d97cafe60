package dev.portcullis.gateway.boundary;

import dev.portcullis.errors.ErrorEnvelope;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Copies the error body of a refusal by {@code /v1/auth/verify} into {@code X-Portcullis-Error}. nginx's
 * {@code auth_request} drops the body of the answer it asked for and keeps only headers it can read into
 * variables; with this header its {@code error_page} can give the client the same envelope (see
 * server-config/nginx/portcullis-gateway.conf).
 * Error bodies are one line of JSON; one that echoes a client's non-ASCII text is left out rather than
 * sent as an invalid header value. Chosen by path, not by name binding: the transport's refusals (HTTPS
 * required, a bad forwarding header) come before any resource is matched.
 */
@Provider
public class RefusalInHeaderFilter implements ContainerResponseFilter {

    private static final String HEADER = "X-Portcullis-Error";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() >= 400 && request.getUriInfo().getPath().startsWith(VerificationResource.PATH)
                && response.getEntity() instanceof ErrorEnvelope.Body body
                && body.json().chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            response.getHeaders().putSingle(HEADER, body.json());
        }
    }
}
