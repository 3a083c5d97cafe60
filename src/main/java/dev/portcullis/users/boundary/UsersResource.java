package dev.portcullis.users.boundary;

import dev.portcullis.Page;
import dev.portcullis.errors.InsufficientPermissions;
import dev.portcullis.errors.Require;
import dev.portcullis.errors.ValidationFailed;
import dev.portcullis.security.Caller;
import dev.portcullis.security.RequiresScope;
import dev.portcullis.security.Scopes;
import dev.portcullis.security.Role;
import dev.portcullis.tenants.entity.Tenant;
import dev.portcullis.users.control.Users;
import dev.portcullis.users.entity.User;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
    public Response create(NewUser body, @Context UriInfo uri) {
        Require.body(body);
        Role role = body.role() == null ? Role.MEMBER : Require.oneOf("role", body.role(), Role::of, Role.names());
        allowed(role);
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
    public UserResponse update(@PathParam("id") String id, UserChange body) {
        Require.body(body);
        User user = users.get(caller.tenantId(), caller.environment(), id);
        allowed(user.role());
        if (body.role() != null) {
            Role role = Require.oneOf("role", body.role(), Role::of, Role.names());
            allowed(role);
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
    public Response delete(@PathParam("id") String id) {
        User user = users.get(caller.tenantId(), caller.environment(), id);
        allowed(user.role());
        users.delete(user);
        return Response.noContent().build();
    }

    /** Nobody hands out or touches a role above their own; platform admins live in the platform tenant only. */
    private void allowed(Role role) {
        if (!caller.has(role)) {
            throw InsufficientPermissions.requiringRole(role.value());
        }
        if (role == Role.PLATFORM_ADMIN && !Tenant.PLATFORM_ID.equals(caller.tenantId())) {
            throw new ValidationFailed("role", "platform_admin users exist only in the platform tenant");
        }
    }
}
