package dev.portcullis.client;

/** {@code role} null: the server's default (member). */
public record NewUser(String email, String password, String role) {

    @Override
    public String toString() {
        return "NewUser[email=" + email + ", password=[REDACTED], role=" + role + "]";
    }
}
