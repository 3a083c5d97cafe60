package dev.portcullis.keys.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** {@code grace_period_seconds}: how long the old secret keeps working, 0 (default) to 604800 (7 days). */
public record Roll(@Min(value = 0, message = "must be 0 to 604800") @Max(value = 604_800, message = "must be 0 to 604800")
                   Long gracePeriodSeconds) {
}
