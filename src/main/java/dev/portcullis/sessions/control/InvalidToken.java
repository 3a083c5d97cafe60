package dev.portcullis.sessions.control;

import dev.portcullis.errors.ApiFailure;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * An access token that is not one of ours, or no longer valid: bad signature, wrong algorithm,
 * issuer or audience, unknown key, missing claims, revoked session, or garbage. One body for all.
 */
public class InvalidToken extends ApiFailure {

    public InvalidToken() {
        super(401, "INVALID_TOKEN", "Invalid access token");
    }

    @Override
    public void addHeaders(Response.ResponseBuilder response) {
        response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
    }
}
