package dev.portcullis.errors;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Collection;
import java.util.Map;

/** Builds the envelope. JSON-P rather than JSON-B so that writing an error can never fail in turn. */
public final class ErrorEnvelope {

    private ErrorEnvelope() {
    }

    public static Response.ResponseBuilder response(int status, String code, String message, Map<String, Object> details) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(json(code, message, details));
    }

    public static String json(String code, String message, Map<String, Object> details) {
        JsonObjectBuilder error = Json.createObjectBuilder().add("code", code).add("message", message);
        details.forEach((name, value) -> add(error, name, value));
        String requestId = RequestIdFilter.current();
        if (requestId != null) {
            error.add("request_id", requestId);
        }
        return Json.createObjectBuilder().add("error", error).build().toString();
    }

    private static void add(JsonObjectBuilder json, String name, Object value) {
        if (value == null) {
            json.addNull(name);
        } else if (value instanceof Integer || value instanceof Long) {
            json.add(name, ((Number) value).longValue());
        } else if (value instanceof Boolean b) {
            json.add(name, b);
        } else if (value instanceof Collection<?> values) {
            var array = Json.createArrayBuilder();
            values.forEach(v -> array.add(String.valueOf(v)));
            json.add(name, array);
        } else {
            json.add(name, value.toString());
        }
    }
}
