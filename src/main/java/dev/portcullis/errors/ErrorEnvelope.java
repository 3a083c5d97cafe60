package dev.portcullis.errors;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The shape of every error body, chosen per deployment by {@code errors.style}: each seed documents its
 * own, and a deployment answers its clients in the one their documentation shows. Built with JSON-P
 * rather than JSON-B so that writing an error can never fail in turn.
 */
public enum ErrorEnvelope {

    /** AudiModal's: {@code {"error": {"code": "RATE_LIMIT_EXCEEDED", "message": "…", "retry_after": 60}}}. */
    AUDIMODAL {
        @Override
        JsonObjectBuilder body(int status, String code, String message, Map<String, Object> details) {
            JsonObjectBuilder error = Json.createObjectBuilder().add("code", code).add("message", message);
            addAll(error, details);
            return Json.createObjectBuilder().add("error", error);
        }
    },

    /**
     * MedTWIN's: {@code {"error": "rate_limit_exceeded", "message": "…", "retry_after": 30}}, flat. Its
     * seed names a 401 {@code unauthorized} and a 403 {@code forbidden} whatever the cause, and words
     * the messages of the three failures it documents; everything else keeps our message, with the
     * code in the seed's lower case.
     */
    MEDTWIN {
        @Override
        JsonObjectBuilder body(int status, String code, String message, Map<String, Object> details) {
            String error = switch (status) {
                case 401 -> "unauthorized";
                case 403 -> "forbidden";
                default -> code.toLowerCase(Locale.ROOT);
            };
            String worded = switch (code) {
                case "INVALID_API_KEY" -> "Invalid or missing API key";
                case "INSUFFICIENT_PERMISSIONS" -> "API key does not have permission for this resource";
                case "RATE_LIMIT_EXCEEDED" -> "Too many requests. Retry after " + details.get("retry_after") + " seconds.";
                default -> message;
            };
            JsonObjectBuilder body = Json.createObjectBuilder().add("error", error).add("message", worded);
            addAll(body, details);
            return body;
        }
    };

    private static volatile ErrorEnvelope configured = AUDIMODAL;

    abstract JsonObjectBuilder body(int status, String code, String message, Map<String, Object> details);

    /** The style a setting names, in any case; anything else is a configuration error. */
    public static ErrorEnvelope of(String setting) {
        return Arrays.stream(values())
                .filter(style -> style.name().equalsIgnoreCase(setting.strip()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("errors.style (ERRORS_STYLE) must be one of "
                        + Arrays.toString(values()).toLowerCase(Locale.ROOT) + ", not '" + setting + "'"));
    }

    /** Set once, when the application starts (see {@link ErrorStyleSetting}). */
    static void use(ErrorEnvelope style) {
        configured = style;
    }

    public static Response.ResponseBuilder response(int status, String code, String message, Map<String, Object> details) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new Body(code, configured.json(status, code, message, details)));
    }

    /**
     * An error body as it is sent ({@code json}, written by {@link ErrorBodyWriter}) with its code, which
     * a style may not show (MedTWIN's) but which filters after the mapper read: the metrics' outcome.
     */
    public record Body(String code, String json) {

        @Override
        public String toString() {
            return json;
        }
    }

    /** The body, with the request's id where the style keeps its details, so a report can be matched with the log. */
    public String json(int status, String code, String message, Map<String, Object> details) {
        String requestId = RequestIdFilter.current();
        if (requestId == null) {
            return body(status, code, message, details).build().toString();
        }
        var withId = new LinkedHashMap<>(details);
        withId.put("request_id", requestId);
        return body(status, code, message, withId).build().toString();
    }

    private static void addAll(JsonObjectBuilder json, Map<String, Object> details) {
        details.forEach((name, value) -> add(json, name, value));
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
