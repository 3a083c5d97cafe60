package dev.portcullis.ratelimit.control;

import dev.portcullis.OnRequestPath;
import dev.portcullis.ratelimit.grid.Bucket;
import dev.portcullis.ratelimit.grid.Decision;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The failed-authentication budget of each client address (refused keys and tokens, failed logins):
 * {@code ratelimit.failed-auth.per-minute} and {@code .per-day}, counted exactly in the Data Grid like
 * any rate limit. Past it, the address gets 429 before any lookup or signature check, so keys and
 * passwords cannot be guessed; credentials this node has already verified still work, so the legitimate
 * clients behind the same address are not locked out. The block itself is remembered on each node that
 * saw it, so a blocked address costs no grid call.
 */
@OnRequestPath
public class FailedAuthentications {

    private static final Logger LOG = Logger.getLogger(FailedAuthentications.class.getName());
    private static final String SUBJECT = "ip:";
    private static final int MAX_BLOCKED = 100_000;

    @Inject
    RateLimiter limiter;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "ratelimit.failed-auth.per-minute", defaultValue = "30")
    long perMinute;

    @Inject
    @ConfigProperty(name = "ratelimit.failed-auth.per-day", defaultValue = "1000")
    long perDay;

    /** Addresses refused for failed authentications, until when (epoch ms); checked before any lookup. */
    private final Map<String, Long> blocked = new ConcurrentHashMap<>();

    /** Throws 429 while the address is over its budget. */
    public void refuseIfBlocked(String address) {
        long wait = blockedFor(address);
        if (wait > 0) {
            throw new RateLimitExceeded(wait);
        }
    }

    /**
     * Counts a refused credential or failed login of {@code address}; what to throw: the refusal
     * itself, or 429 once that was one too many.
     */
    public RuntimeException refused(String address, RuntimeException refusal) {
        long wait = count(address);
        return wait > 0 ? new RateLimitExceeded(wait) : refusal;
    }

    /** Seconds the address must still wait, or 0. */
    long blockedFor(String address) {
        Long until = blocked.get(address);
        if (until == null) {
            return 0;
        }
        long left = until - clock.millis();
        if (left <= 0) {
            blocked.remove(address, until);
            return 0;
        }
        return Math.max(1, (left + 999) / 1000);
    }

    /** Counts one failure; the seconds to wait if that was one too many, else 0. */
    private long count(String address) {
        long now = clock.millis();
        String subject = SUBJECT + address;
        try {
            Decision decision = limiter.charge(subject, null, List.of(
                    Bucket.window("minute", "minute", subject, perMinute, 60_000, 1),
                    Bucket.day("day", "day", subject, perDay, 1, false)));
            if (decision == null || decision.admitted()) {
                return 0;
            }
            if (blocked.size() >= MAX_BLOCKED) {
                // Many addresses at once (a distributed attack): forget the expired blocks first.
                blocked.values().removeIf(until -> until <= now);
            }
            blocked.put(address, now + decision.retryAfter() * 1000);
            return decision.retryAfter();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Rate-limit store failed while counting a failed authentication", e);
            return 0;
        }
    }
}
