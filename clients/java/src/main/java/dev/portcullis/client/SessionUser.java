package dev.portcullis.client;

/** The user a session acts as. */
public record SessionUser(String id, String email, String role, String tenantId) {
}
