package dev.portcullis.client;

import java.util.Map;

/**
 * A refusal by the server (or, with status 0, a failure to reach it). {@link #details()} holds every
 * field of the error body besides code, message and request_id; the usual ones have accessors.
 * Messages never contain a key or token: the client replaces them with [REDACTED].
 */
public class PortcullisException extends RuntimeException {

    private final int status;
    private final String code;
    private final String requestId;
    private final Map<String, Object> details;

    public PortcullisException(int status, String code, String message, String requestId, Map<String, Object> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.requestId = requestId;
        this.details = Map.copyOf(details);
    }

    /** The HTTP status; 0 if none was received. */
    public int status() {
        return status;
    }

    /** Such as RATE_LIMIT_EXCEEDED; from a MedTWIN-style server the upper-cased "error" (every 401 UNAUTHORIZED, 403 FORBIDDEN). */
    public String code() {
        return code;
    }

    public String requestId() {
        return requestId;
    }

    public Map<String, Object> details() {
        return details;
    }

    public String requiredRole() {
        return text("required_role");
    }

    public String requiredScope() {
        return text("required_scope");
    }

    /** Seconds until a request would be admitted (429); null when the server gave none. */
    public Long retryAfter() {
        return details.get("retry_after") instanceof Number seconds ? seconds.longValue() : null;
    }

    public String expiresAt() {
        return text("expires_at");
    }

    public String field() {
        return text("field");
    }

    private String text(String name) {
        Object value = details.get(name);
        return value == null ? null : value.toString();
    }

    @Override
    public String toString() {
        String where = requestId == null ? "" : " (request_id " + requestId + ")";
        return getClass().getName() + ": " + (status == 0 ? "" : status + " ") + code + ": " + getMessage() + where;
    }
}
