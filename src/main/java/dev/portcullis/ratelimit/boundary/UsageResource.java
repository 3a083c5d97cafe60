package dev.portcullis.ratelimit.boundary;

import dev.portcullis.access.Caller;
import dev.portcullis.access.RequiresScope;
import dev.portcullis.access.Scopes;
import dev.portcullis.errors.ValidationFailed;
import dev.portcullis.ratelimit.control.UsageLedger;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code GET /v1/usage?from=YYYY-MM-DD&to=YYYY-MM-DD}: requests admitted and refused per subject (key,
 * user or identity) per UTC day, for the tenant the request acts for (platform admins choose it with
 * {@code X-Tenant-ID}). Every node writes what it has counted before the rows are read.
 */
@Path("v1/usage")
@ApplicationScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class UsageResource {

    private static final int MAX_DAYS = 366;

    public record DayUsage(String subjectId, String subjectType, String day, long allowed, long refused) {
    }

    public record Report(String tenantId, String from, String to, List<DayUsage> data) {
    }

    @Inject
    UsageLedger ledger;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /** No transaction here: the ledger's flush commits its own before the rows are read. */
    @GET
    @RequiresScope(Scopes.USAGE_READ)
    public Report usage(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate last = to == null ? today : date("to", to);
        LocalDate first = from == null ? last.minusDays(6) : date("from", from);
        if (first.isAfter(last) || first.plusDays(MAX_DAYS).isBefore(last)) {
            throw new ValidationFailed("from", "from must not be after to, and at most " + MAX_DAYS + " days before it");
        }
        List<DayUsage> data = ledger.forTenant(caller.tenantId(), first.toEpochDay(), last.toEpochDay()).stream()
                .map(row -> new DayUsage(row.subjectId(), row.subjectId().substring(0, row.subjectId().indexOf('_')),
                        row.date().toString(), row.allowed(), row.refused()))
                .toList();
        return new Report(caller.tenantId(), first.toString(), last.toString(), data);
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ValidationFailed(field, field + " must be a date such as 2026-01-31");
        }
    }
}
