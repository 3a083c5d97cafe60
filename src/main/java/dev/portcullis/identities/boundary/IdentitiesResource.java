package dev.portcullis.identities.boundary;

import dev.portcullis.access.Audited;
import dev.portcullis.access.Caller;
import dev.portcullis.access.RequiresScope;
import dev.portcullis.access.Scopes;
import dev.portcullis.database.Page;
import dev.portcullis.errors.ValidationFailed;
import dev.portcullis.identities.control.Identities;
import dev.portcullis.identities.entity.Identity;
import dev.portcullis.ratelimit.boundary.NamedLimitBody;
import dev.portcullis.validation.TextPolicy;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /v1/identities}: a tenant admin's customers, whose keys share their limits. As with keys, a
 * live credential manages the identities of both environments, a test credential test ones only.
 */
@Path("v1/identities")
@ApplicationScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IdentitiesResource {

    @Inject
    Identities identities;

    @Inject
    Caller caller;

    @POST
    @Transactional
    @RequiresScope(Scopes.IDENTITIES_MANAGE)
    @Audited("identity.created")
    public Response create(@NotNull(message = "is required") @Valid IdentityBody body, @Context UriInfo uri) {
        if (body.externalId() == null) {
            throw new ValidationFailed("external_id", "external_id is required");
        }
        Identity identity = identities.create(caller.tenantId(), caller.environment(), change(body));
        return Response.created(uri.getAbsolutePathBuilder().path(identity.id()).build())
                .entity(IdentityResponse.from(identity)).build();
    }

    @GET
    @Transactional
    @RequiresScope(Scopes.IDENTITIES_READ)
    public Page<IdentityResponse> list(@QueryParam("external_id") String externalId, @QueryParam("cursor") String cursor,
                                       @QueryParam("limit") String limit) {
        int size = Page.limit(limit);
        return Page.of(identities.page(caller.tenantId(), caller.environment(), externalId, Page.Position.decode(cursor), size),
                size, IdentityResponse::from, identity -> new Page.Position(identity.createdAt(), identity.id()));
    }

    @GET
    @Path("{id}")
    @Transactional
    @RequiresScope(Scopes.IDENTITIES_READ)
    public IdentityResponse get(@PathParam("id") String id) {
        return IdentityResponse.from(identities.get(caller.tenantId(), caller.environment(), id));
    }

    @PATCH
    @Path("{id}")
    @Transactional
    @RequiresScope(Scopes.IDENTITIES_MANAGE)
    @Audited("identity.updated")
    public IdentityResponse update(@PathParam("id") String id, @NotNull(message = "is required") @Valid IdentityBody body) {
        return IdentityResponse.from(identities.change(identities.get(caller.tenantId(), caller.environment(), id), change(body)));
    }

    @DELETE
    @Path("{id}")
    @Transactional
    @RequiresScope(Scopes.IDENTITIES_MANAGE)
    @Audited("identity.deleted")
    public Response delete(@PathParam("id") String id) {
        identities.delete(identities.get(caller.tenantId(), caller.environment(), id));
        return Response.noContent().build();
    }

    private static Identities.Change change(IdentityBody body) {
        return new Identities.Change(TextPolicy.normalized(body.externalId()), body.meta() == null ? null : body.meta().toString(),
                body.rateLimit() == null ? null : body.rateLimit().override(), NamedLimitBody.limits("rate_limits", body.rateLimits()));
    }
}
