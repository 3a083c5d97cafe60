package dev.portcullis.client;

import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/keys/verify}: who a key is ({@code valid}), or why it is refused ({@code code},
 * {@code message}, {@code retryAfter}). {@code externalId}, {@code identityId} and {@code meta} are the key's:
 * whom it is for. {@code rateLimit} is the verified key's window closest to exhaustion, {@code credits} what
 * remains of its credits (null: not metered by credits), {@code limits} each limit the request was charged to
 * ({@code minute}, {@code day}, named limits, the identity's), all after this charge; a refused verdict carries
 * them only when the key's limits refused it.
 */
public record KeyVerdict(boolean valid, String code, String message, Long retryAfter, String keyId, String tenantId,
                         String type, String role, List<String> scopes, String environment, String externalId,
                         String identityId, Map<String, Object> meta, Window rateLimit, CreditsLeft credits,
                         List<Limit> limits) {

    /** {@code reset} in epoch seconds. */
    public record Window(long limit, long remaining, long reset) {
    }

    /** What remains of the key's credits; {@code refillAt} the next refill in epoch seconds, null: never. */
    public record CreditsLeft(long remaining, Long refillAt) {
    }

    /** Where one limit stands; {@code reset} in epoch seconds. */
    public record Limit(String name, long limit, long remaining, long reset) {
    }
}
