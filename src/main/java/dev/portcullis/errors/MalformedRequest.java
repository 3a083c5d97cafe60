package dev.portcullis.errors;

/** A body that cannot be read as what the endpoint takes: not JSON, not UTF-8, the wrong shape. */
public class MalformedRequest extends ApiFailure {

    public MalformedRequest(String message) {
        super(400, "MALFORMED_REQUEST", message);
    }
}
