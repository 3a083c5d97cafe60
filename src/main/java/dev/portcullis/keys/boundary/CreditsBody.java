package dev.portcullis.keys.boundary;

import dev.portcullis.errors.ValidationFailed;
import dev.portcullis.keys.control.ApiKeys;
import dev.portcullis.ratelimit.control.CreditTerms;
import dev.portcullis.ratelimit.grid.Bucket;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * {@code "credits": {"remaining": 1000, "refill": {"interval": "daily" | "monthly", "amount": 1000,
 * "day_of_month": 1}}}: uses a key may make, each request spending its cost, refilled back to
 * {@code amount} at 00:00 UTC every day or on a day of every month (the month's last if it is shorter).
 */
public record CreditsBody(@NotNull(message = "is required") @Min(value = 0, message = "must be 0 to 1000000000000")
                          @Max(value = MAX, message = "must be 0 to 1000000000000") Long remaining,
                          @Valid Refill refill) {

    public static final long MAX = 1_000_000_000_000L;

    public record Refill(@NotNull(message = "is required")
                         @Pattern(regexp = "daily|monthly", message = "must be daily or monthly") String interval,
                         @NotNull(message = "is required") @Min(value = 1, message = "must be 1 to 1000000000000")
                         @Max(value = MAX, message = "must be 1 to 1000000000000") Long amount,
                         @Min(value = 1, message = "must be 1 to 31") @Max(value = 31, message = "must be 1 to 31") Integer dayOfMonth) {
    }

    ApiKeys.Credits credits() {
        if (refill == null) {
            return new ApiKeys.Credits(remaining, CreditTerms.NEVER_REFILLED);
        }
        boolean daily = refill.interval().equals("daily");
        if (daily && refill.dayOfMonth() != null) {
            throw new ValidationFailed("credits.refill.day_of_month", "credits.refill.day_of_month is for monthly refills only");
        }
        return new ApiKeys.Credits(remaining, new CreditTerms(daily ? Bucket.Refill.DAILY : Bucket.Refill.MONTHLY, refill.amount(),
                refill.dayOfMonth() == null ? 1 : refill.dayOfMonth()));
    }

    /** A key's credits as clients see them: what remains now, and the refill. */
    static CreditsBody from(Long remaining, CreditTerms terms) {
        if (remaining == null || terms == null) {
            return null;
        }
        Refill refill = switch (terms.refill()) {
            case NONE -> null;
            case DAILY -> new Refill("daily", terms.amount(), null);
            case MONTHLY -> new Refill("monthly", terms.amount(), terms.dayOfMonth());
        };
        return new CreditsBody(remaining, refill);
    }
}
