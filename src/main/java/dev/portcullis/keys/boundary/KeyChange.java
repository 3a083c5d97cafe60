package dev.portcullis.keys.boundary;

/** A partial update: absent fields are left as they are. */
public record KeyChange(String name) {
}
