package dev.portcullis.clock;

import dev.portcullis.errors.NotFound;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Moves the adjustable clock forward; answers 404 unless the clock was made adjustable. */
@Path("v1/test-clock")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TestClockResource {

    public record Advance(@NotNull(message = "must be a non-negative number") @Min(value = 0, message = "must be a non-negative number")
                          Long seconds) {
    }

    public record Now(Instant now) {
    }

    @Inject
    Clock clock;

    @POST
    @RolesAllowed("platform_admin")
    public Now advance(@NotNull(message = "is required") @Valid Advance advance) {
        if (!(clock instanceof AdjustableClock adjustable)) {
            throw new NotFound("Resource");
        }
        return new Now(adjustable.advance(Duration.ofSeconds(advance.seconds())));
    }
}
