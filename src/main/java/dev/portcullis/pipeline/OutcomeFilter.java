package dev.portcullis.pipeline;

import dev.portcullis.access.Caller;
import dev.portcullis.errors.ErrorEnvelope;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * The last step: a request that gets here passed every other and is admitted. Its answer is counted by
 * outcome ({@code admitted}, or the code of the refusal that stopped it, the pipeline's or, for a path
 * that does not exist, JAX-RS's) and credential ({@code api_key}, {@code session}, {@code none}, or
 * {@code invalid} for one that did not authenticate).
 */
@Provider
@ApplicationScoped
@Priority(FilterOrder.ADMITTED)
public class OutcomeFilter implements ContainerRequestFilter, ContainerResponseFilter {

    @Inject
    Caller caller;

    @Inject
    PipelineMetrics metrics;

    @Override
    public void filter(ContainerRequestContext request) {
        Passage.of(request).admitted = true;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String outcome = Passage.of(request).admitted ? "admitted"
                : response.getEntity() instanceof ErrorEnvelope.Body refusal ? refusal.code() : "status_" + response.getStatus();
        String credential = switch (caller.credential()) {
            case API_KEY -> "api_key";
            case SESSION -> "session";
            case NONE -> request.getHeaderString(HttpHeaders.AUTHORIZATION) == null ? "none" : "invalid";
        };
        metrics.decided(outcome, credential);
    }
}
