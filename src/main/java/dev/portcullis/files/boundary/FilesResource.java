package dev.portcullis.files.boundary;

import dev.portcullis.access.Audited;
import dev.portcullis.access.Caller;
import dev.portcullis.access.RequiresScope;
import dev.portcullis.access.Scopes;
import dev.portcullis.access.Secret;
import dev.portcullis.database.Page;
import dev.portcullis.files.control.Files;
import dev.portcullis.files.entity.StoredFile;
import dev.portcullis.validation.Text;
import dev.portcullis.validation.TextPolicy;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;

/** {@code /v1/files}: read-only callers read, members write; scoped keys need files:read / files:write. */
@Path("v1/files")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FilesResource {

    public record NewFile(@NotNull(message = "is required") @Text(max = 255) String name,
                          @Pattern(regexp = "[\\w!#$&^.+-]{1,64}/[\\w!#$&^.+-]{1,64}(\\s*;[ -~]{1,100})?",
                                  message = "must be a media type such as text/plain") String contentType,
                          // A file's content may be anyone's records (MedTWIN's are patients'): the trail names it only.
                          @Secret String content) {
    }

    /** {@code created_by}: the key or user that stored the file. */
    @JsonbPropertyOrder({"id", "name", "contentType", "size", "environment", "tenantId", "createdBy", "createdAt", "content"})
    public record FileResponse(String id, String name, String contentType, long size, String environment, String tenantId,
                               String createdBy, Instant createdAt, String content) {

        static FileResponse from(StoredFile file, boolean withContent) {
            return new FileResponse(file.id(), file.name(), file.contentType(), file.size(), file.environment(),
                    file.tenantId(), file.createdBy(), file.createdAt(), withContent ? file.content() : null);
        }
    }

    @Inject
    Files files;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed("member")
    @RequiresScope(Scopes.FILES_WRITE)
    @Transactional
    @Audited("file.created")
    public Response create(@NotNull(message = "is required") @Valid NewFile body, @Context UriInfo uri) {
        String name = TextPolicy.normalized(body.name());
        String contentType = body.contentType() == null ? "text/plain" : body.contentType();
        String content = body.content() == null ? "" : body.content();
        StoredFile file = files.store(caller.tenantId(), caller.environment(), name, contentType, content, caller.subject());
        return Response.created(uri.getAbsolutePathBuilder().path(file.id()).build()).entity(FileResponse.from(file, false)).build();
    }

    @GET
    @RolesAllowed("read_only")
    @RequiresScope(Scopes.FILES_READ)
    @Transactional
    public Page<FileResponse> list(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        int size = Page.limit(limit);
        return Page.of(files.page(caller.tenantId(), caller.environment(), Page.Position.decode(cursor), size), size,
                file -> FileResponse.from(file, false), file -> new Page.Position(file.createdAt(), file.id()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed("read_only")
    @RequiresScope(Scopes.FILES_READ)
    @Transactional
    public FileResponse get(@PathParam("id") String id) {
        return FileResponse.from(files.get(caller.tenantId(), caller.environment(), id), true);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed("member")
    @RequiresScope(Scopes.FILES_WRITE)
    @Transactional
    @Audited("file.deleted")
    public Response delete(@PathParam("id") String id) {
        files.delete(files.get(caller.tenantId(), caller.environment(), id));
        return Response.noContent().build();
    }
}
