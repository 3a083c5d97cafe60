package dev.portcullis.sessions.control;

import dev.portcullis.errors.ApiFailure;
/**
 * A login that failed, whatever the reason (unknown email or tenant, wrong password, disabled user,
 * suspended tenant, locked account): the answer never says which.
 */
public class InvalidCredentials extends ApiFailure {

    public InvalidCredentials() {
        super(401, "INVALID_CREDENTIALS", "Invalid email, password or tenant");
    }
}
