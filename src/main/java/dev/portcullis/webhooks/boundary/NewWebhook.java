package dev.portcullis.webhooks.boundary;

import dev.portcullis.webhooks.control.Destinations;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** {@code {"url","events":[…]}}: where to send which events. */
public record NewWebhook(@NotNull(message = "is required") @Size(max = Destinations.MAX_URL_LENGTH, message = "must be at most 2048 characters") String url,
                         @NotNull(message = "is required") @Size(min = 1, max = 20, message = "must name 1 to 20 events") List<String> events) {
}
