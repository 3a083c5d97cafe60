package dev.portcullis.gateway.boundary;

import dev.portcullis.access.Caller;
import dev.portcullis.errors.ApiFailure;
import dev.portcullis.ratelimit.control.RateLimitExceeded;
import dev.portcullis.ratelimit.grid.Decision;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * The answer of {@code POST /v1/keys/verify}. Valid: who the key is and its rate-limit state after
 * this charge. Not valid: the code and message the pipeline would have refused the key's own request
 * with, and nothing about the key, so that a verifier learns no more of a key it may not see than of
 * one that does not exist. Absent fields are left out.
 */
@JsonbPropertyOrder({"valid", "code", "message", "retryAfter", "keyId", "tenantId", "type", "role", "scopes",
        "environment", "rateLimit"})
public record KeyVerdict(boolean valid, String code, String message, Long retryAfter, String keyId, String tenantId,
                         String type, String role, List<String> scopes, String environment, RateLimit rateLimit) {

    /** The seed's three numbers, for the window closest to exhaustion. */
    public record RateLimit(long limit, long remaining, long reset) {

        static RateLimit from(Decision decision) {
            return decision == null ? null : new RateLimit(decision.limit(), decision.remaining(), decision.reset());
        }
    }

    static KeyVerdict valid(Caller.Identity key, Decision decision) {
        return new KeyVerdict(true, null, null, null, key.subject(), key.tenantId(), key.tenantBound() ? "tenant" : "secret",
                key.role().value(), key.scopes().stream().sorted().toList(), key.environment().value(),
                RateLimit.from(decision));
    }

    static KeyVerdict refused(ApiFailure refusal, Decision decision) {
        return new KeyVerdict(false, refusal.code(), refusal.getMessage(),
                refusal instanceof RateLimitExceeded exceeded ? exceeded.retryAfter() : null, null, null, null, null, null, null,
                RateLimit.from(decision));
    }
}
