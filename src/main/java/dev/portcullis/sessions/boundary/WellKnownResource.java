package dev.portcullis.sessions.boundary;

import dev.portcullis.access.Unauthenticated;
import dev.portcullis.sessions.control.SigningKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /.well-known/jwks.json}, where JWT libraries look for the keys by default. */
@Path(".well-known/jwks.json")
@ApplicationScoped
public class WellKnownResource {

    @Inject
    SigningKeys signingKeys;

    @GET
    @Unauthenticated
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject jwks() {
        return signingKeys.jwks();
    }
}
