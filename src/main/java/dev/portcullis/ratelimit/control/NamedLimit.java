package dev.portcullis.ratelimit.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A limit of a key's or an identity's own, beyond the plan's minute and day windows, applied when a
 * request asks for it by name with a cost ({@code tokens}: 100000 per hour, each request spending what
 * it used). Counted like the minute window, over its own duration.
 */
public record NamedLimit(String name, long limit, Duration duration) {

    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    public static final long MAX_LIMIT = 1_000_000_000_000L;
    public static final Duration SHORTEST = Duration.ofSeconds(1);
    public static final Duration LONGEST = Duration.ofDays(31);

    public NamedLimit {
        if (!NAME.matcher(name).matches() || limit < 1 || limit > MAX_LIMIT
                || duration.compareTo(SHORTEST) < 0 || duration.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("a named limit is a name, 1 to " + MAX_LIMIT + " and 1 s to 31 days");
        }
    }

    /** The stored form of a list: a JSON array of {name, limit, duration}; null for none. */
    public static String stored(List<NamedLimit> limits) {
        if (limits == null || limits.isEmpty()) {
            return null;
        }
        var array = Json.createArrayBuilder();
        limits.forEach(limit -> array.add(Json.createObjectBuilder().add("name", limit.name()).add("limit", limit.limit())
                .add("duration", limit.duration().toString())));
        return array.build().toString();
    }

    public static List<NamedLimit> fromStored(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        try (var reader = Json.createReader(new StringReader(stored))) {
            return reader.readArray().getValuesAs(JsonObject.class).stream()
                    .map(limit -> new NamedLimit(limit.getString("name"), limit.getJsonNumber("limit").longValue(),
                            Duration.parse(limit.getString("duration"))))
                    .toList();
        }
    }
}
