package dev.portcullis.keys.control;

import dev.portcullis.errors.ApiFailure;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Missing, malformed, unknown, revoked or expired credential: one body for all of them, so the answer
 * never tells a guesser which it was.
 */
public class InvalidApiKey extends ApiFailure {

    public InvalidApiKey() {
        super(401, "INVALID_API_KEY", "Invalid or expired API key");
    }

    @Override
    public void addHeaders(Response.ResponseBuilder response) {
        response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
}
