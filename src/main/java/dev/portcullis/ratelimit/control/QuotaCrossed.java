package dev.portcullis.ratelimit.control;

/**
 * A request took a key's day count to or past {@code percent} of its day quota, from below: fired (a CDI
 * event) by the one request that crossed, for those who announce it (webhooks). {@code used} is the
 * count after the request.
 */
public record QuotaCrossed(String tenantId, String keyId, int percent, long limit, long used, long epochDay) {

    /** The thresholds announced, in percent of the day quota. */
    public static final int[] PERCENTS = {80, 100};

    /** The count at which {@code percent} of {@code limit} is reached: 80 % of 10 is 8, of 11 is 9 (rounded up). */
    public static long countAt(int percent, long limit) {
        return Math.max(1, Math.floorDiv(limit * percent + 99, 100));
    }
}
