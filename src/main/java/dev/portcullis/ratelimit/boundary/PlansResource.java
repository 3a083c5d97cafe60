package dev.portcullis.ratelimit.boundary;

import dev.portcullis.errors.Require;
import dev.portcullis.errors.ValidationFailed;
import dev.portcullis.ratelimit.control.Limits;
import dev.portcullis.ratelimit.control.Plans;
import dev.portcullis.ratelimit.entity.Plan;
import dev.portcullis.security.RequiresScope;
import dev.portcullis.security.Scopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.regex.Pattern;

/** {@code /v1/plans}: anyone may read the plans; platform admins create and change them. */
@Path("v1/plans")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlansResource {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

    public record PlanBody(String name, Long perMinute, Long perDay) {
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
    public Response create(PlanBody body) {
        Require.body(body);
        String name = Require.text("name", body.name(), 64);
        if (!NAME.matcher(name).matches()) {
            throw new ValidationFailed("name", "name must be lower-case letters, digits, '-' or '_'");
        }
        Plan plan = plans.create(name, limits(body.perMinute(), body.perDay()));
        return Response.status(201).entity(PlanResponse.from(plan)).build();
    }

    @PATCH
    @Path("{name}")
    @RolesAllowed("platform_admin")
    @Transactional
    @RequiresScope(Scopes.PLANS_MANAGE)
    public PlanResponse change(@PathParam("name") String name, PlanBody body) {
        Require.body(body);
        Plan plan = plans.get(name);
        if (body.name() != null && !body.name().equals(name)) {
            throw new ValidationFailed("name", "a plan cannot be renamed");
        }
        plans.change(plan, limits(body.perMinute() == null ? plan.perMinute() : body.perMinute(),
                body.perDay() == null ? plan.perDay() : body.perDay()));
        return PlanResponse.from(plan);
    }

    private static Limits limits(Long perMinute, Long perDay) {
        if (perMinute == null || perMinute < 1 || perMinute > 1_000_000_000L) {
            throw new ValidationFailed("per_minute", "per_minute must be between 1 and 1000000000");
        }
        if (perDay == null || perDay < 1 || perDay > 1_000_000_000_000L) {
            throw new ValidationFailed("per_day", "per_day must be between 1 and 1000000000000");
        }
        return new Limits(perMinute, perDay);
    }
}
