package dev.portcullis.ratelimit.control;

/** A key's own per-minute and per-day numbers; either may be absent (null) to keep the tenant's. */
public record LimitOverride(Long perMinute, Long perDay) {

    public static final LimitOverride NONE = new LimitOverride(null, null);

    public Limits over(Limits base) {
        return new Limits(perMinute == null ? base.perMinute() : perMinute, perDay == null ? base.perDay() : perDay);
    }
}
