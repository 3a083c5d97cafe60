package dev.portcullis.keys.boundary;

public record NewKey(String name, String environment, String role, String type, String expiresAt) {
}
