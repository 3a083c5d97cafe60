package dev.portcullis.webhooks.control;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The events an endpoint may subscribe to, by their names on the wire; {@link #TEST} is sent on request only. */
public enum EventType {
    KEY_CREATED("key.created"),
    KEY_ROLLED("key.rolled"),
    KEY_REVOKED("key.revoked"),
    KEY_EXPIRING("key.expiring"),
    KEY_EXPIRED("key.expired"),
    QUOTA_THRESHOLD("quota.threshold"),
    SESSION_REUSE_DETECTED("session.reuse_detected"),
    USER_LOCKED("user.locked"),
    TEST("webhook.test");

    private final String value;

    EventType(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** The names an endpoint may subscribe to. */
    public static List<String> subscribable() {
        return Arrays.stream(values()).filter(type -> type != TEST).map(EventType::value).toList();
    }

    public static Optional<EventType> of(String value) {
        return Arrays.stream(values()).filter(type -> type.value.equals(value)).findFirst();
    }
}
