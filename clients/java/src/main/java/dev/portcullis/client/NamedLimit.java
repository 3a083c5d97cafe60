package dev.portcullis.client;

import java.time.Duration;

/**
 * A limit of its own name over {@code duration} (1 s to 31 days, ISO-8601 in JSON: {@code "PT1H"}), spent by
 * the requests that ask for it: {@code new NamedLimit("tokens", 100_000, Duration.ofHours(1))}.
 */
public record NamedLimit(String name, long limit, Duration duration) {
}
