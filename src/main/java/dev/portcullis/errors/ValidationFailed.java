package dev.portcullis.errors;

/** A request that parsed but whose content is wrong; names the offending field. */
public class ValidationFailed extends ApiFailure {

    public ValidationFailed(String field, String message) {
        super(400, "VALIDATION_FAILED", message);
        with("field", field);
    }
}
