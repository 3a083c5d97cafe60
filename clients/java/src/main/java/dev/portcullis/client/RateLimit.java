package dev.portcullis.client;

/** A key's or tenant's own limits; a null number means the plan's. */
public record RateLimit(Long perMinute, Long perDay) {

    public static RateLimit perMinute(long perMinute) {
        return new RateLimit(perMinute, null);
    }
}
