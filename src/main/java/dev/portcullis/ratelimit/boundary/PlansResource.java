package dev.portcullis.ratelimit.boundary;

import dev.portcullis.access.Audited;
import dev.portcullis.access.RequiresScope;
import dev.portcullis.access.Scopes;
import dev.portcullis.errors.ValidationFailed;
import dev.portcullis.ratelimit.control.Limits;
import dev.portcullis.ratelimit.control.Plans;
import dev.portcullis.ratelimit.entity.Plan;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** {@code /v1/plans}: anyone may read the plans; platform admins create and change them. */
@Path("v1/plans")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlansResource {

    private static final String PER_MINUTE = "must be between 1 and 1000000000";
    private static final String PER_DAY = "must be between 1 and 1000000000000";

    public record NewPlan(@NotNull(message = "is required")
                          @Pattern(regexp = "[a-z][a-z0-9_-]{0,63}", message = "must be lower-case letters, digits, '-' or '_'") String name,
                          @NotNull(message = PER_MINUTE) @Min(value = 1, message = PER_MINUTE)
                          @Max(value = Limits.MAX_PER_MINUTE, message = PER_MINUTE) Long perMinute,
                          @NotNull(message = PER_DAY) @Min(value = 1, message = PER_DAY)
                          @Max(value = 1_000_000_000_000L, message = PER_DAY) Long perDay) {
    }

    /** Absent numbers stay as they are; a plan keeps its name. */
    public record PlanChange(String name,
                             @Min(value = 1, message = PER_MINUTE) @Max(value = Limits.MAX_PER_MINUTE, message = PER_MINUTE) Long perMinute,
                             @Min(value = 1, message = PER_DAY) @Max(value = 1_000_000_000_000L, message = PER_DAY) Long perDay) {
    }

    public record PlanResponse(String name, long perMinute, long perDay) {
        static PlanResponse from(Plan plan) {
            return new PlanResponse(plan.name(), plan.perMinute(), plan.perDay());
        }
    }

    public record PlanList(List<PlanResponse> data) {
    }

    @Inject
    Plans plans;

    @GET
    @Transactional
    @RequiresScope(Scopes.PLANS_READ)
    public PlanList list() {
        return new PlanList(plans.all().stream().map(PlanResponse::from).toList());
    }

    @GET
    @Path("{name}")
    @Transactional
    @RequiresScope(Scopes.PLANS_READ)
    public PlanResponse get(@PathParam("name") String name) {
        return PlanResponse.from(plans.get(name));
    }

    @POST
    @RolesAllowed("platform_admin")
    @Transactional
    @RequiresScope(Scopes.PLANS_MANAGE)
    @Audited(value = "plan.created", of = Audited.Of.PLATFORM)
    public Response create(@NotNull(message = "is required") @Valid NewPlan body, @Context UriInfo uri) {
        Plan plan = plans.create(body.name(), new Limits(body.perMinute(), body.perDay()));
        return Response.created(uri.getAbsolutePathBuilder().path(plan.name()).build()).entity(PlanResponse.from(plan)).build();
    }

    @PATCH
    @Path("{name}")
    @RolesAllowed("platform_admin")
    @Transactional
    @RequiresScope(Scopes.PLANS_MANAGE)
    @Audited(value = "plan.updated", of = Audited.Of.PLATFORM)
    public PlanResponse change(@PathParam("name") String name, @NotNull(message = "is required") @Valid PlanChange body) {
        Plan plan = plans.get(name);
        if (body.name() != null && !body.name().equals(name)) {
            throw new ValidationFailed("name", "a plan cannot be renamed");
        }
        plans.change(plan, new Limits(body.perMinute() == null ? plan.perMinute() : body.perMinute(),
                body.perDay() == null ? plan.perDay() : body.perDay()));
        return PlanResponse.from(plan);
    }
}
