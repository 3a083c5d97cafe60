package dev.portcullis.client;

/** A partial update of a user: null fields stay as they are. Disabling or a new password ends the user's sessions. */
public record UserChange(String role, Boolean disabled, String password) {

    @Override
    public String toString() {
        return "UserChange[role=" + role + ", disabled=" + disabled + ", password=" + (password == null ? null : "[REDACTED]") + "]";
    }
}
