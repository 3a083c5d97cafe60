package dev.portcullis.sessions.control;

import dev.portcullis.errors.ApiFailure;
/** A refresh token that is unknown, spent, expired, or of a revoked session. */
public class InvalidRefreshToken extends ApiFailure {

    public InvalidRefreshToken() {
        super(401, "INVALID_REFRESH_TOKEN", "Invalid or expired refresh token");
    }
}
