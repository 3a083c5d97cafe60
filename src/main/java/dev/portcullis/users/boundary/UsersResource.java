package dev.portcullis.users.boundary;

import dev.portcullis.access.Audited;
import dev.portcullis.access.Caller;
import dev.portcullis.access.RequiresScope;
import dev.portcullis.access.Role;
import dev.portcullis.access.Scopes;
import dev.portcullis.database.Page;
import dev.portcullis.users.control.Users;
import dev.portcullis.users.entity.User;
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

/** {@code /v1/users}: a tenant admin manages the users of the tenant the request acts for. */
@Path("v1/users")
@ApplicationScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject
    Users users;

    @Inject
    Caller caller;

    @POST
    @Transactional
    @RequiresScope(Scopes.USERS_MANAGE)
    @Audited("user.created")
    public Response create(@NotNull(message = "is required") @Valid NewUser body, @Context UriInfo uri) {
        Role role = body.role() == null ? Role.MEMBER : Role.of(body.role()).orElseThrow();
        users.requireMayManage(caller, role);
        User user = users.create(caller.tenantId(), body.email(), body.password(), role, caller.environment());
        return Response.created(uri.getAbsolutePathBuilder().path(user.id()).build()).entity(UserResponse.from(user)).build();
    }

    @GET
    @Transactional
    @RequiresScope(Scopes.USERS_READ)
    public Page<UserResponse> list(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        int size = Page.limit(limit);
        return Page.of(users.page(caller.tenantId(), caller.environment(), Page.Position.decode(cursor), size), size, UserResponse::from,
                user -> new Page.Position(user.createdAt(), user.id()));
    }

    @GET
    @Path("{id}")
    @Transactional
    @RequiresScope(Scopes.USERS_READ)
    public UserResponse get(@PathParam("id") String id) {
        return UserResponse.from(users.get(caller.tenantId(), caller.environment(), id));
    }

    @PATCH
    @Path("{id}")
    @Transactional
    @RequiresScope(Scopes.USERS_MANAGE)
    @Audited("user.updated")
    public UserResponse update(@PathParam("id") String id, @NotNull(message = "is required") @Valid UserChange body) {
        User user = users.get(caller.tenantId(), caller.environment(), id);
        users.requireMayManage(caller, user.role());
        if (body.role() != null) {
            Role role = Role.of(body.role()).orElseThrow();
            users.requireMayManage(caller, role);
            users.changeRole(user, role);
        }
        if (Boolean.TRUE.equals(body.disabled())) {
            users.disable(user);
        } else if (Boolean.FALSE.equals(body.disabled())) {
            users.enable(user);
        }
        if (body.password() != null) {
            users.changePassword(user, body.password());
        }
        return UserResponse.from(user);
    }

    @DELETE
    @Path("{id}")
    @Transactional
    @RequiresScope(Scopes.USERS_MANAGE)
    @Audited("user.deleted")
    public Response delete(@PathParam("id") String id) {
        User user = users.get(caller.tenantId(), caller.environment(), id);
        users.requireMayManage(caller, user.role());
        users.delete(user);
        return Response.noContent().build();
    }
}
