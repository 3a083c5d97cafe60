package dev.portcullis.ratelimit.control;

import dev.portcullis.ratelimit.grid.Bucket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which buckets a request is charged to, and where they are: every bucket one decision needs lives in
 * one entry, so that the decision is one atomic step. A subject alone (a key, a user) has an entry of its
 * own; the keys of an identity share the identity's entry, which holds each key's buckets beside the
 * identity's own, so that a request is charged to both at once or to neither.
 */
public final class ChargePlan {

    private static final long MINUTE_MILLIS = 60_000;
    private static final String IDENTITY = "identity";

    /** An identity's own limits: {@code limits} numbers may each be null (no such window). */
    public record Identity(String id, LimitOverride limits, List<NamedLimit> named) {
    }

    private ChargePlan() {
    }


    /** A key's credits, in its entry: {@code identityId} null for a key of no identity. */
    public static Bucket credits(String subject, String identityId, CreditTerms terms, long cost) {
        return Bucket.credits(identityId == null ? "credits" : subject + "/credits", subject, cost, terms.refill(), terms.amount(),
                terms.dayOfMonth());
    }

    /** Whether the subject is a key, as opposed to a user or an identity, which are charged too. */
    static boolean isKey(String subject) {
        return subject.startsWith("key_");
    }

    /** The entry a subject's buckets are in, by its identity's id (null: none). */
    public static String entry(String subject, String identityId) {
        return identityId == null ? subject : identityId;
    }

    /** The subject's own day bucket, which also says when it was last used. */
    public static String dayBucket(String subject, String identityId) {
        return identityId == null ? "day" : subject + "/day";
    }

    /**
     * The buckets of one request of {@code subject}: its minute and day windows at {@code limits}, its
     * credits if it has any, its named limits the request asks for ({@code named} costs by name), and the
     * same of its identity if it has one. {@code cost} is what the request spends of the windows and credits.
     */
    public static List<Bucket> of(String subject, Limits limits, CreditTerms credits, List<NamedLimit> namedLimits,
                                  Identity identity, long cost, Map<String, Long> named) {
        String prefix = identity == null ? "" : subject + "/";
        List<Bucket> buckets = new ArrayList<>(4);
        // A subject alone has the same two names in every entry: the literals, not a new string per charge.
        String minute = identity == null ? "minute" : prefix + "minute";
        String day = identity == null ? "day" : prefix + "day";
        buckets.add(Bucket.window(minute, "minute", subject, limits.perMinute(), MINUTE_MILLIS, cost));
        buckets.add(Bucket.day(day, "day", subject, limits.perDay(), cost, true));
        if (credits != null) {
            buckets.add(credits(subject, identity == null ? null : identity.id(), credits, cost));
        }
        addNamed(buckets, prefix, "", subject, namedLimits, named);
        if (identity != null) {
            String owner = identity.id();
            if (identity.limits().perMinute() != null) {
                buckets.add(Bucket.window(IDENTITY + "/minute", IDENTITY + ":minute", owner, identity.limits().perMinute(),
                        MINUTE_MILLIS, cost));
            }
            if (identity.limits().perDay() != null) {
                buckets.add(Bucket.day(IDENTITY + "/day", IDENTITY + ":day", owner, identity.limits().perDay(), cost, true));
            }
            addNamed(buckets, IDENTITY + "/", IDENTITY + ":", owner, identity.named(), named);
        }
        return buckets;
    }

    private static void addNamed(List<Bucket> buckets, String prefix, String labelPrefix, String owner, List<NamedLimit> limits,
                                 Map<String, Long> named) {
        for (NamedLimit limit : limits) {
            Long cost = named.get(limit.name());
            if (cost != null) {
                buckets.add(Bucket.window(prefix + "n:" + limit.name(), labelPrefix + limit.name(), owner, limit.limit(),
                        limit.duration().toMillis(), cost));
            }
        }
    }
}
