package dev.portcullis.errors;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything that is not an {@link ApiFailure}: JAX-RS's own exceptions (unknown path, wrong method or
 * media type), unreadable bodies, the database out of reach, and bugs. Bodies that fail to parse or
 * bind are the client's fault (400); a database that cannot be reached is 503, to retry; anything else
 * is ours (500), logged with the request id and shown without internals.
 */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<Throwable> {

    private static final Pattern PROPERTY = Pattern.compile("property '([A-Za-z0-9_]{1,64})'");
    /** Yasson's words for a property the target type does not have (fail-on-unknown-properties). */
    private static final Pattern UNKNOWN = Pattern.compile("Json property ([A-Za-z0-9_]{1,64}) can not be mapped");
    private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        ApiFailure bodyTooLarge = find(failure, ApiFailure.class);
        if (bodyTooLarge != null) {
            return new ApiFailureMapper().toResponse(bodyTooLarge);
        }
        JsonbException binding = find(failure, JsonbException.class);
        if (binding != null || find(failure, JsonException.class) != null) {
            return malformed(binding);
        }
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            return switch (status) {
                case 404 -> envelope(404, "NOT_FOUND", "No such resource");
                case 405 -> envelope(405, "METHOD_NOT_ALLOWED", "This method is not allowed on this resource");
                case 406 -> envelope(406, "NOT_ACCEPTABLE", "This resource only produces application/json");
                case 415 -> envelope(415, "UNSUPPORTED_MEDIA_TYPE", "Send the request body as application/json");
                case 400 -> envelope(400, "MALFORMED_REQUEST", "The request body is missing or is not valid JSON");
                default -> status < 500
                        ? envelope(status, "INVALID_REQUEST", "The request could not be processed")
                        : unexpected(failure);
            };
        }
        if (failure instanceof ProcessingException) {
            return envelope(400, "MALFORMED_REQUEST", "The request body could not be read");
        }
        if (ServiceUnavailable.isDatabaseOutage(failure)) {
            LOG.log(Level.WARNING, "Database unavailable in request " + RequestIdFilter.current() + ": " + failure);
            return new ApiFailureMapper().toResponse(ServiceUnavailable.database());
        }
        return unexpected(failure);
    }

    /**
     * Names the offending field when the binder says which it was: the innermost property of a nested
     * body, since the binder wraps each level's message in its parent's. The binder's own message is
     * not passed on, as it may mention Java class names.
     */
    private static Response malformed(JsonbException binding) {
        String detail = binding == null ? "" : String.valueOf(binding.getMessage());
        RefusedText refused = find(binding, RefusedText.class);
        Matcher unknown = UNKNOWN.matcher(detail);
        if (unknown.find()) {
            String field = unknown.group(1);
            return ErrorEnvelope.response(400, "MALFORMED_REQUEST", field + " is not a field of this request",
                    Map.of("field", field)).build();
        }
        Matcher property = PROPERTY.matcher(detail);
        String field = null;
        while (property.find()) {
            field = property.group(1);
        }
        if (refused != null) {
            String named = field == null ? "body" : field;
            return ErrorEnvelope.response(400, "VALIDATION_FAILED", named + " " + refused.getMessage(),
                    Map.of("field", named)).build();
        }
        if (field != null) {
            return ErrorEnvelope.response(400, "MALFORMED_REQUEST", field + " has the wrong type",
                    Map.of("field", field)).build();
        }
        return envelope(400, "MALFORMED_REQUEST", "The request body is not valid JSON of the expected shape");
    }

    private Response unexpected(Throwable failure) {
        LOG.log(Level.SEVERE, "Unexpected failure in request " + RequestIdFilter.current(), failure);
        return envelope(500, "INTERNAL_ERROR", "An unexpected error occurred");
    }

    private static Response envelope(int status, String code, String message) {
        return ErrorEnvelope.response(status, code, message, Map.of()).build();
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
