package dev.portcullis.client;

import java.util.Map;

/** A session client used after logout, or after its refresh token was refused. */
public class SessionEndedException extends AuthenticationException {

    public SessionEndedException() {
        super(0, "SESSION_ENDED", "The session has ended; log in again", null, Map.of());
    }
}
