package dev.portcullis.client;

import java.time.Instant;

public record User(String id, String email, String role, String tenantId, String environment, boolean disabled,
                   Instant createdAt, Instant updatedAt) {
}
