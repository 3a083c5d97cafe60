package dev.portcullis.webhooks.boundary;

import dev.portcullis.webhooks.control.Destinations;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What a PATCH may change; absent fields stay as they are. */
public record WebhookChange(@Size(max = Destinations.MAX_URL_LENGTH, message = "must be at most 2048 characters") String url,
                            @Size(min = 1, max = 20, message = "must name 1 to 20 events") List<String> events,
                            Boolean enabled) {
}
