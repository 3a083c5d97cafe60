package dev.portcullis.keys.boundary;

/** {@code grace_period_seconds}: how long the old secret keeps working, 0 (default) to 604800 (7 days). */
public record Roll(Long gracePeriodSeconds) {
}
