package dev.portcullis.errors;

/** The request contradicts the current state, such as a duplicate email in a tenant. */
public class Conflict extends ApiFailure {

    public Conflict(String message) {
        super(409, "CONFLICT", message);
    }
}
