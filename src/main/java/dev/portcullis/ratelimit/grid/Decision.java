package dev.portcullis.ratelimit.grid;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of charging one request: admitted or refused (by which limit, and for how many seconds at
 * least), where each of its buckets stands afterwards, and the states to persist (day counts, credits).
 * Resets are epoch seconds. A decision that {@link #needsSeeds()} decided nothing: it names the buckets
 * whose persisted states must be supplied first.
 */
public record Decision(boolean admitted, String refusedBy, Bucket.Kind refusedKind, long retryAfter,
                       List<Standing> standings, Map<String, long[]> persisted, List<String> missing)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Where one bucket stands: {@code periodSeconds} 0 for credits; {@code reset} 0 for credits never refilled. */
    public record Standing(String name, String label, Bucket.Kind kind, long limit, long periodSeconds, long remaining,
                           long reset) implements Serializable {

        private static final long serialVersionUID = 1L;

        /** The IETF draft {@code RateLimit} field of this window: what is left, seconds to its reset. */
        public String rateLimitField(long nowEpochSecond) {
            return "\"" + label + "\";r=" + remaining + ";t=" + Math.max(0, reset - nowEpochSecond);
        }
    }

    static Decision missing(List<String> buckets) {
        return new Decision(false, null, null, 0, List.of(), Map.of(), List.copyOf(buckets));
    }

    public boolean needsSeeds() {
        return !missing.isEmpty();
    }

    public boolean outOfCredits() {
        return refusedKind == Bucket.Kind.CREDITS;
    }

    /**
     * The rate window closest to exhaustion: the one that refused, else the one with the fewest requests
     * left. Credits are not a window and have headers of their own.
     */
    public Standing tightest() {
        Standing tightest = null;
        for (Standing standing : standings) {
            if (standing.kind() == Bucket.Kind.CREDITS) {
                continue;
            }
            if (refusedBy != null && standing.label().equals(refusedBy)) {
                return standing;
            }
            if (tightest == null || standing.remaining() < tightest.remaining()) {
                tightest = standing;
            }
        }
        return tightest;
    }

    public long limit() {
        return tightest().limit();
    }

    public long remaining() {
        return tightest().remaining();
    }

    public long reset() {
        return tightest().reset();
    }

    public Optional<Standing> credits() {
        for (Standing standing : standings) {
            if (standing.kind() == Bucket.Kind.CREDITS) {
                return Optional.of(standing);
            }
        }
        return Optional.empty();
    }

    /** The IETF draft {@code RateLimit-Policy} field: every window of the request. */
    public String policy() {
        StringBuilder policy = new StringBuilder(80);
        for (Standing standing : standings) {
            if (standing.kind() != Bucket.Kind.CREDITS) {
                if (!policy.isEmpty()) {
                    policy.append(", ");
                }
                policy.append('"').append(standing.label()).append("\";q=").append(standing.limit()).append(";w=")
                        .append(standing.periodSeconds());
            }
        }
        return policy.toString();
    }
}
