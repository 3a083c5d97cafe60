package dev.portcullis.sessions.control;

import dev.portcullis.errors.ApiFailure;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Instant;

/** The seed's expired-token body, with {@code expires_at}. Only ever said of a token whose signature verified. */
public class TokenExpired extends ApiFailure {

    public TokenExpired(Instant expiresAt) {
        super(401, "TOKEN_EXPIRED", "Access token has expired");
        with("expires_at", expiresAt.toString());
    }

    @Override
    public void addHeaders(Response.ResponseBuilder response) {
        response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\", error_description=\"expired\"");
    }
}
