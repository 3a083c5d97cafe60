package dev.portcullis.pipeline;

import dev.portcullis.ratelimit.grid.Decision;
import dev.portcullis.tenants.control.TenantView;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * What one request's filters hand on to the next and to the answer, kept on the request itself: the
 * verified credential, its tenant, the rate-limit decision, whether it came over TLS. The pipeline's
 * own state, which resources do not see.
 */
final class Passage {

    private static final String PROPERTY = Passage.class.getName();

    Presented presented;
    TenantView home;
    Decision decision;
    boolean secure;
    /** Every step passed: what the resource answers is the admitted request's answer. */
    boolean admitted;

    static Passage of(ContainerRequestContext request) {
        if (request.getProperty(PROPERTY) instanceof Passage passage) {
            return passage;
        }
        Passage passage = new Passage();
        request.setProperty(PROPERTY, passage);
        return passage;
    }
}
