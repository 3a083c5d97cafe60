package dev.portcullis.client;

import java.time.Instant;

public record Tenant(String id, String name, String plan, String status, RateLimit rateLimit, Instant createdAt,
                     Instant updatedAt) {
}
