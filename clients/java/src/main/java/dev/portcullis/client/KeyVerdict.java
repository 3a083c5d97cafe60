package dev.portcullis.client;

import java.util.List;

/**
 * {@code POST /v1/keys/verify}: who a key is ({@code valid}), or why it is refused ({@code code},
 * {@code message}, {@code retryAfter}). {@code rateLimit} is the verified key's window closest to exhaustion.
 */
public record KeyVerdict(boolean valid, String code, String message, Long retryAfter, String keyId, String tenantId,
                         String type, String role, List<String> scopes, String environment, Window rateLimit) {

    /** {@code reset} in epoch seconds. */
    public record Window(long limit, long remaining, long reset) {
    }
}
