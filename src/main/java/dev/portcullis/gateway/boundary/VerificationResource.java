package dev.portcullis.gateway.boundary;

import dev.portcullis.access.Caller;
import dev.portcullis.access.InsufficientPermissions;
import dev.portcullis.access.Role;
import dev.portcullis.access.Scopes;
import dev.portcullis.errors.ValidationFailed;
import dev.portcullis.keys.control.InvalidApiKey;
import dev.portcullis.pipeline.ForwardedRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * {@code /v1/auth/verify}: is the credential of the request a gateway forwards good for the API behind
 * it? By the time this runs the pipeline has said no (with its own status and body) or yes and charged
 * the rate limit; this adds the optional role the gateway requires and names the caller. Every method
 * answers the same: some gateways ask with the client's method, others always with GET.
 */
// Envoy appends the client's path to the one it is given: whatever follows is ignored.
// No @Produces: the client's Accept header is forwarded too, and is not the question.
@Path(VerificationResource.PATH + "{ignored: (/.*)?}")
@ApplicationScoped
@ForwardedRequest(VerificationResource.PATH)
public class VerificationResource {

    static final String PATH = "v1/auth/verify";

    @Inject
    Caller caller;

    /**
     * The caller, as the API behind the gateway gets to know it: headers only. nginx reads no body of
     * the answers it asks for and must close a connection that carried one, so an empty yes keeps the
     * connection for the next question (200, not 204: Envoy takes only a 200 for a yes).
     */
    private Response.ResponseBuilder headersOn(Response.ResponseBuilder response) {
        caller.externalId().ifPresent(owner -> response.header("X-Portcullis-External-ID", asciiOrEncoded(owner)));
        caller.identityId().ifPresent(identity -> response.header("X-Portcullis-Identity-ID", identity));
        return response.header("X-Portcullis-Tenant-ID", caller.tenantId())
                .header("X-Portcullis-Credential", caller.credential() == Caller.Credential.API_KEY ? "api_key" : "session")
                .header("X-Portcullis-Subject", caller.subject())
                .header("X-Portcullis-Role", caller.role().value())
                .header("X-Portcullis-Scopes", String.join(",", caller.scopes().stream().sorted().toList()))
                .header("X-Portcullis-Environment", caller.environment().value());
    }

    /** Header values are ASCII: an owner's id in another script goes percent-encoded (RFC 3986, UTF-8). */
    private static String asciiOrEncoded(String text) {
        return text.chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? text
                : java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    @GET
    @PermitAll
    public Response get(@QueryParam("role") String role, @QueryParam("scope") String scope) {
        return verify(role, scope);
    }

    @POST
    @PermitAll
    public Response post(@QueryParam("role") String role, @QueryParam("scope") String scope) {
        return verify(role, scope);
    }

    @PUT
    @PermitAll
    public Response put(@QueryParam("role") String role, @QueryParam("scope") String scope) {
        return verify(role, scope);
    }

    @PATCH
    @PermitAll
    public Response patch(@QueryParam("role") String role, @QueryParam("scope") String scope) {
        return verify(role, scope);
    }

    @DELETE
    @PermitAll
    public Response delete(@QueryParam("role") String role, @QueryParam("scope") String scope) {
        return verify(role, scope);
    }

    /** Its own, or Jersey would answer with the allowed methods: a 200 a gateway takes for a yes. */
    @OPTIONS
    @PermitAll
    public Response options(@QueryParam("role") String role, @QueryParam("scope") String scope) {
        return verify(role, scope);
    }

    /**
     * Open to any credential, scoped keys included (@PermitAll keeps the scope rule of Portcullis's own
     * operations away): the question is about the API behind the gateway, not about this one, whose own
     * scopes the gateway may require with {@code ?scope=}. A request without a credential is still
     * refused, here rather than by the pipeline. The two parameters are checked here rather than by
     * Bean Validation: on the path every gateway request takes, a validated bean parameter cost a tenth
     * of the answer's CPU (Jersey's and CDI's validation both ran, and the bean was built by injection).
     */
    private Response verify(String role, String scope) {
        Role required = role == null ? null
                : Role.of(role).orElseThrow(() -> new ValidationFailed("role", "must be one of " + Role.NAMES));
        if (scope != null && !Scopes.isValid(scope)) {
            throw new ValidationFailed("scope", Scopes.problemWith(scope));
        }
        if (!caller.isAuthenticated()) {
            throw new InvalidApiKey();
        }
        if (required != null && !caller.has(required)) {
            throw InsufficientPermissions.requiringRole(required.value());
        }
        // A key without scopes has its role's full rights, here as in the WAR.
        if (scope != null && !caller.hasScope(scope)) {
            throw InsufficientPermissions.requiringScope(scope);
        }
        return headersOn(Response.ok()).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
