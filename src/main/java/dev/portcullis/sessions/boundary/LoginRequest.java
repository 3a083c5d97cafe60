package dev.portcullis.sessions.boundary;

/** The seed's login body; {@code environment} ("live" by default, or "test") is Portcullis's addition. */
public record LoginRequest(String email, String password, String tenantId, String environment) {
}
