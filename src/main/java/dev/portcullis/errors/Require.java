package dev.portcullis.errors;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/** Checks on request fields that fail with {@link ValidationFailed} naming the field. */
public final class Require {

    private Require() {
    }

    public static <T> T body(T body) {
        if (body == null) {
            throw new ValidationFailed("body", "A JSON request body is required");
        }
        return body;
    }

    public static String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new ValidationFailed(field, field + " is required");
        }
        return optionalText(field, value, maxLength);
    }

    public static String optionalText(String field, String value, int maxLength) {
        if (value != null && (value.isBlank() || value.length() > maxLength)) {
            throw new ValidationFailed(field, field + " must be 1 to " + maxLength + " characters");
        }
        return value == null ? null : value.strip();
    }

    /** Parses a closed set of values, such as an enum's JSON names. */
    public static <T> T oneOf(String field, String value, Function<String, Optional<T>> parse, String allowed) {
        if (value == null) {
            throw new ValidationFailed(field, field + " is required (one of " + allowed + ")");
        }
        return parse.apply(value).orElseThrow(() -> new ValidationFailed(field, field + " must be one of " + allowed));
    }

    public static Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ValidationFailed(field, field + " must be an ISO-8601 instant such as 2030-01-01T00:00:00Z");
        }
    }
}
