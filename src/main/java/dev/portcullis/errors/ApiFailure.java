package dev.portcullis.errors;

import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure the client can act on, with its HTTP status, envelope code and extra envelope fields.
 * No stack trace is captured: these are thrown on the request path (a bad key, a refused request)
 * and never need one.
 */
public abstract class ApiFailure extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, Object> details = new LinkedHashMap<>();

    protected ApiFailure(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    protected ApiFailure with(String field, Object value) {
        details.put(field, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }

    /** Headers a failure adds to its response, such as {@code Retry-After}. */
    public void addHeaders(Response.ResponseBuilder response) {
    }
}
