package dev.portcullis.errors;

/** No such object in the caller's tenant; objects of other tenants answer the same way. */
public class NotFound extends ApiFailure {

    public NotFound(String what) {
        super(404, "NOT_FOUND", what + " not found");
    }
}
