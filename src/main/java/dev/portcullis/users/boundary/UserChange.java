package dev.portcullis.users.boundary;

/** A partial update: absent fields are left as they are. */
public record UserChange(String role, Boolean disabled, String password) {
}
