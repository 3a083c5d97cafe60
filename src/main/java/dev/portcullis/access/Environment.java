package dev.portcullis.access;

import java.util.Optional;

/** Live or test: the two worlds a tenant's credentials and data belong to, and never mix. */
public enum Environment {
    LIVE("live"),
    TEST("test");

    /** Every environment's name, for {@code @Pattern} on request fields. */
    public static final String PATTERN = "live|test";
    public static final String NAMES = "live, test";

    private final String value;

    Environment(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<Environment> of(String value) {
        for (Environment e : values()) {
            if (e.value.equals(value)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
