package dev.portcullis.client;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Error bodies of both styles, turned into exceptions with every secret redacted. */
public final class ErrorBodies {

    /**
     * Keys of any family and JWTs, for secrets the client was never told about (a key pasted into the
     * wrong field and echoed back by a validation message).
     */
    private static final Pattern SECRET_SHAPES = Pattern.compile(
            "\\b[A-Za-z]{2,}_(?:live|test)_[A-Za-z0-9]{20,}"
                    + "|\\b[A-Za-z]{2,}_tenant_[A-Za-z0-9]+_(?:test_)?[A-Za-z0-9]{20,}"
                    + "|\\beyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*"
                    + "|\\brt_[A-Za-z0-9_-]{20,}");
    static final String REDACTED = "[REDACTED]";

    private ErrorBodies() {
    }

    /**
     * The exception for a refused request, from either style of body: AudiModal's
     * {@code {"error":{"code":"RATE_LIMIT_EXCEEDED","message":…}}} or MedTWIN's flat
     * {@code {"error":"rate_limit_exceeded","message":…,"retry_after":30}}. {@code header} looks up a
     * response header by name (for X-Request-ID and Retry-After).
     */
    public static PortcullisException toException(int status, Function<String, Optional<String>> header, String body,
                                                  Collection<String> secrets) {
        Map<String, Object> fields = new LinkedHashMap<>();
        String code = null;
        JsonObject payload = parse(body);
        JsonValue error = payload.get("error");
        if (error instanceof JsonObject nested) {
            nested.forEach((name, value) -> fields.put(name, plain(value)));
            code = (String) fields.remove("code");
        } else if (error instanceof JsonString flat) {
            payload.forEach((name, value) -> fields.put(name, plain(value)));
            fields.remove("error");
            code = flat.getString().toUpperCase(Locale.ROOT);
        }
        Object message = fields.remove("message");
        Object requestId = fields.remove("request_id");
        if (!fields.containsKey("retry_after")) {
            header.apply("Retry-After").filter(value -> value.matches("\\d+"))
                    .ifPresent(value -> fields.put("retry_after", Long.parseLong(value)));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        fields.forEach((name, value) -> details.put(name, redact(value, secrets)));
        String text = redact(message instanceof String m && !m.isEmpty() ? m : "HTTP " + status, secrets).toString();
        String id = requestId instanceof String r ? r : header.apply("X-Request-ID").orElse(null);
        String finalCode = code == null ? "HTTP_" + status : code;
        return switch (status) {
            case 400 -> new BadRequestException(status, finalCode, text, id, details);
            case 401 -> new AuthenticationException(status, finalCode, text, id, details);
            case 403 -> new PermissionDeniedException(status, finalCode, text, id, details);
            case 404 -> new NotFoundException(status, finalCode, text, id, details);
            case 409 -> new ConflictException(status, finalCode, text, id, details);
            case 429 -> new RateLimitException(status, finalCode, text, id, details);
            default -> status >= 500 ? new ServerException(status, finalCode, text, id, details)
                    : new PortcullisException(status, finalCode, text, id, details);
        };
    }

    /** TOKEN_EXPIRED; in the MedTWIN style every 401 is UNAUTHORIZED, and only an expired token has expires_at. */
    static boolean isTokenExpired(PortcullisException e) {
        return e.status() == 401 && ("TOKEN_EXPIRED".equals(e.code()) || e.expiresAt() != null);
    }

    /** The text with every given secret, and anything shaped like a key or token, replaced. */
    public static String redact(String text, Collection<String> secrets) {
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                text = text.replace(secret, REDACTED);
            }
        }
        return SECRET_SHAPES.matcher(text).replaceAll(REDACTED);
    }

    private static Object redact(Object value, Collection<String> secrets) {
        if (value instanceof String text) {
            return redact(text, secrets);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(redact(item, secrets)));
            return copy;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((name, item) -> copy.put(name.toString(), redact(item, secrets)));
            return copy;
        }
        return value;
    }

    private static JsonObject parse(String body) {
        try (var reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        } catch (RuntimeException notJson) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    private static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> {
                var number = ((JsonNumber) value).bigDecimalValue();
                yield number.stripTrailingZeros().scale() <= 0 ? (Object) number.longValue() : (Object) number.doubleValue();
            }
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
            case ARRAY -> value.asJsonArray().stream().map(ErrorBodies::plain).toList();
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                value.asJsonObject().forEach((name, item) -> map.put(name, plain(item)));
                yield map;
            }
        };
    }
}
