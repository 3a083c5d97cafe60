package dev.portcullis.pipeline;

import dev.portcullis.ratelimit.grid.Decision;
import dev.portcullis.tenants.control.TenantView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * What one request's filters hand on to the next and to the answer, kept on the request itself (Jersey's
 * request properties are the servlet request's attributes): the address of the connection's other end,
 * the verified credential, its tenant, the rate-limit decision, whether it came over TLS. The pipeline's
 * own state, which resources do not see. {@link PeerAddressFilter} begins it, before Jersey.
 */
final class Passage {

    private static final String PROPERTY = Passage.class.getName();

    /** The address of the connection's other end: a proxy's, or the client's. */
    final String peer;
    private final HttpServletResponse response;
    Presented presented;
    TenantView home;
    Decision decision;
    boolean secure;
    /** Every step passed: what the resource answers is the admitted request's answer. */
    boolean admitted;

    private Passage(String peer, HttpServletResponse response) {
        this.peer = peer;
        this.response = response;
    }

    static void begin(HttpServletRequest request, HttpServletResponse response) {
        request.setAttribute(PROPERTY, new Passage(request.getRemoteAddr(), response));
    }

    static Passage of(ContainerRequestContext request) {
        if (request.getProperty(PROPERTY) instanceof Passage passage) {
            return passage;
        }
        throw new IllegalStateException("a request reached the pipeline without passing PeerAddressFilter");
    }

    /**
     * Sets a header of the answer on the servlet response itself, where Jersey's writer leaves it: a header
     * put into the JAX-RS response's map is checked, case-folded and hashed there, and then copied over
     * (about 3 µs of a keyed request's CPU under the profiler for the rate-limit headers).
     */
    void header(String name, String value) {
        response.setHeader(name, value);
    }
}
