package dev.portcullis.gateway.boundary;

import dev.portcullis.errors.ApiFailure;
import dev.portcullis.identities.boundary.IdentityResponse;
import dev.portcullis.pipeline.Admission;
import dev.portcullis.ratelimit.control.RateLimitExceeded;
import dev.portcullis.ratelimit.grid.Bucket;
import dev.portcullis.ratelimit.grid.Decision;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * The answer of {@code POST /v1/keys/verify}. Valid: who the key is, whom it is for, and where its limits
 * stand after this charge. Not valid: the code and message the pipeline would have refused the key's own
 * request with, and nothing about the key (but where its limits stand when they refused it), so that a
 * verifier learns no more of a key it may not see than of one that does not exist. Absent fields are
 * left out.
 */
@JsonbPropertyOrder({"valid", "code", "message", "retryAfter", "keyId", "tenantId", "type", "role", "scopes",
        "environment", "externalId", "identityId", "meta", "rateLimit", "credits", "limits"})
public record KeyVerdict(boolean valid, String code, String message, Long retryAfter, String keyId, String tenantId,
                         String type, String role, List<String> scopes, String environment, String externalId,
                         String identityId, JsonObject meta, RateLimit rateLimit, Credits credits, List<Limit> limits) {

    /** The seed's three numbers, for the window closest to exhaustion. */
    public record RateLimit(long limit, long remaining, long reset) {

        static RateLimit from(Decision decision) {
            return decision == null ? null : new RateLimit(decision.limit(), decision.remaining(), decision.reset());
        }
    }

    /** What remains of the key's credits, and when they are refilled (absent: never). */
    public record Credits(long remaining, Long refillAt) {
    }

    /** Each limit the request was charged to: the windows, the day, named limits, the identity's. */
    public record Limit(String name, long limit, long remaining, long reset) {
    }

    static KeyVerdict valid(Admission.Admitted admitted) {
        var key = admitted.identity();
        Decision decision = admitted.decision();
        return new KeyVerdict(true, null, null, null, key.subject(), key.tenantId(), key.tenantBound() ? "tenant" : "secret",
                key.role().value(), key.scopes().stream().sorted().toList(), key.environment().value(), key.externalId(),
                key.identityId(), IdentityResponse.meta(admitted.key().meta()), RateLimit.from(decision), credits(decision),
                limits(decision));
    }

    static KeyVerdict refused(ApiFailure refusal, Decision decision) {
        Long retryAfter = refusal instanceof RateLimitExceeded exceeded ? Long.valueOf(exceeded.retryAfter()) : null;
        return new KeyVerdict(false, refusal.code(), refusal.getMessage(), retryAfter, null, null, null, null, null, null,
                null, null, null, RateLimit.from(decision), credits(decision), limits(decision));
    }

    private static Credits credits(Decision decision) {
        return decision == null ? null : decision.credits()
                .map(credits -> new Credits(credits.remaining(), credits.reset() == 0 ? null : credits.reset())).orElse(null);
    }

    private static List<Limit> limits(Decision decision) {
        return decision == null ? null : decision.standings().stream().filter(s -> s.kind() != Bucket.Kind.CREDITS)
                .map(s -> new Limit(s.label(), s.limit(), s.remaining(), s.reset())).toList();
    }
}
