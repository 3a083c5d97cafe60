package dev.portcullis.sessions.boundary;

public record RefreshRequest(String refreshToken) {
}
