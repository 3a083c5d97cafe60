package dev.portcullis.keys.entity;

import java.util.Optional;

/** Secret keys ({@code sk_…}) may be used by a platform admin across tenants; tenant keys never. */
public enum KeyType {
    SECRET("secret"),
    TENANT("tenant");

    /** Every type's name, for {@code @Pattern} on request fields. */
    public static final String PATTERN = "secret|tenant";
    public static final String NAMES = "secret, tenant";

    private final String value;

    KeyType(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<KeyType> of(String value) {
        for (KeyType t : values()) {
            if (t.value.equals(value)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
