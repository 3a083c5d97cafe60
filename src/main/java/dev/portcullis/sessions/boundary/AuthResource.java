package dev.portcullis.sessions.boundary;

import dev.portcullis.access.Audited;
import dev.portcullis.access.Caller;
import dev.portcullis.access.Environment;
import dev.portcullis.access.Unauthenticated;
import dev.portcullis.audit.control.AuditTrail;
import dev.portcullis.errors.ValidationFailed;
import dev.portcullis.sessions.control.Sessions;
import dev.portcullis.sessions.control.SigningKeys;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /v1/auth}: login, refresh and logout as the AudiModal seed describes them, the JWKS, and
 * signing-key rotation. Login and refresh ignore any {@code Authorization} header a client sends along.
 */
@Path("v1/auth")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Inject
    Sessions sessions;

    @Inject
    SigningKeys signingKeys;

    @Inject
    Caller caller;

    @Inject
    AuditTrail trail;

    @POST
    @Path("login")
    @Unauthenticated
    public Response login(@NotNull(message = "is required") @Valid LoginRequest body) {
        Environment environment = body.environment() == null ? Environment.LIVE : Environment.of(body.environment()).orElseThrow();
        var issued = sessions.login(body.email().strip(), body.password(), body.tenantId().strip(), environment,
                caller.clientAddressText());
        return noStore(TokenResponse.from(issued));
    }

    @POST
    @Path("refresh")
    @Unauthenticated
    public Response refresh(@NotNull(message = "is required") @Valid RefreshRequest body) {
        return noStore(TokenResponse.from(sessions.refresh(body.refreshToken())));
    }

    /** Ends the caller's session family: its refresh tokens and its access tokens stop working. */
    @POST
    @Path("logout")
    public Response logout() {
        String session = caller.token().map(token -> token.<String>getClaim("sid"))
                .orElseThrow(() -> new ValidationFailed("Authorization", "logout ends a session; API keys are revoked instead"));
        sessions.logout(session);
        return Response.noContent().build();
    }

    @GET
    @Path("jwks")
    @Unauthenticated
    public JsonObject jwks() {
        return signingKeys.jwks();
    }

    @POST
    @Path("signing-keys/rotate")
    @RolesAllowed("platform_admin")
    @Transactional
    public JsonObject rotate() {
        String kid = signingKeys.rotate();
        trail.changed("signing_key.rotated", Audited.Of.PLATFORM, kid, JsonValue.EMPTY_JSON_OBJECT);
        return Json.createObjectBuilder().add("kid", kid).build();
    }

    private static Response noStore(Object body) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setNoTransform(false);
        return Response.ok(body).cacheControl(noStore).build();
    }
}
