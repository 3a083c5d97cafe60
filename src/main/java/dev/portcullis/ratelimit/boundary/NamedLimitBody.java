package dev.portcullis.ratelimit.boundary;

import dev.portcullis.errors.ValidationFailed;
import dev.portcullis.ratelimit.control.NamedLimit;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code {"name": "tokens", "limit": 100000, "duration": "PT1H"}}: a named limit of a key or identity. */
public record NamedLimitBody(@NotNull(message = "is required")
                             @Pattern(regexp = "[a-z][a-z0-9_-]{0,31}", message = "must be lower-case letters, digits, '-' or '_', at most 32") String name,
                             @NotNull(message = "is required") @Min(value = 1, message = "must be 1 to 1000000000000")
                             @Max(value = NamedLimit.MAX_LIMIT, message = "must be 1 to 1000000000000") Long limit,
                             @NotNull(message = "is required") String duration) {

    public static NamedLimitBody from(NamedLimit limit) {
        return new NamedLimitBody(limit.name(), limit.limit(), limit.duration().toString());
    }

    /** The limits, or 400 naming the field: durations 1 s to 31 days, names unique. */
    public static List<NamedLimit> limits(String field, List<NamedLimitBody> bodies) {
        if (bodies == null) {
            return null;
        }
        Set<String> names = new HashSet<>();
        return bodies.stream().map(body -> {
            Duration duration;
            try {
                duration = Duration.parse(body.duration());
            } catch (DateTimeParseException e) {
                throw new ValidationFailed(field, field + ".duration must be an ISO-8601 duration such as PT1H");
            }
            if (duration.compareTo(NamedLimit.SHORTEST) < 0 || duration.compareTo(NamedLimit.LONGEST) > 0) {
                throw new ValidationFailed(field, field + ".duration must be 1 s to 31 days");
            }
            if (!names.add(body.name())) {
                throw new ValidationFailed(field, field + " names " + body.name() + " twice");
            }
            return new NamedLimit(body.name(), body.limit(), duration);
        }).toList();
    }
}
