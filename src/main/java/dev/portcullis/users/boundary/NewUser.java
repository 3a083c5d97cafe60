package dev.portcullis.users.boundary;

public record NewUser(String email, String password, String role) {
}
