package dev.portcullis.webhooks.boundary;

import dev.portcullis.access.Audited;
import dev.portcullis.access.Caller;
import dev.portcullis.access.RequiresScope;
import dev.portcullis.access.Scopes;
import dev.portcullis.database.Page;
import dev.portcullis.webhooks.control.EventType;
import dev.portcullis.webhooks.control.Outbox;
import dev.portcullis.webhooks.control.Webhooks;
import dev.portcullis.webhooks.entity.Webhook;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
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
 * {@code /v1/webhooks}: a tenant admin's endpoints for the tenant the request acts for, a test event on
 * request, and each endpoint's deliveries. The rules are {@link Webhooks}'s; this validates and translates.
 */
@Path("v1/webhooks")
@ApplicationScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhooksResource {

    @Inject
    Webhooks webhooks;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    @POST
    @Transactional
    @RequiresScope(Scopes.WEBHOOKS_MANAGE)
    @Audited("webhook.created")
    public Response create(@NotNull(message = "is required") @Valid NewWebhook body, @Context UriInfo uri) {
        Webhooks.Registered registered = webhooks.register(caller.tenantId(), body.url(), body.events());
        return Response.created(uri.getAbsolutePathBuilder().path(registered.webhook().id()).build())
                .entity(WebhookResponse.withSecret(registered)).build();
    }

    @GET
    @Transactional
    @RequiresScope(Scopes.WEBHOOKS_READ)
    public Page<WebhookResponse> list(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        int size = Page.limit(limit);
        return Page.of(webhooks.page(caller.tenantId(), Page.Position.decode(cursor), size), size, WebhookResponse::from,
                webhook -> new Page.Position(webhook.createdAt(), webhook.id()));
    }

    @GET
    @Path("{id}")
    @Transactional
    @RequiresScope(Scopes.WEBHOOKS_READ)
    public WebhookResponse get(@PathParam("id") String id) {
        return WebhookResponse.from(webhooks.get(caller.tenantId(), id));
    }

    @PATCH
    @Path("{id}")
    @Transactional
    @RequiresScope(Scopes.WEBHOOKS_MANAGE)
    @Audited("webhook.updated")
    public WebhookResponse update(@PathParam("id") String id, @NotNull(message = "is required") @Valid WebhookChange body) {
        return WebhookResponse.from(webhooks.change(webhooks.get(caller.tenantId(), id), body.url(), body.events(), body.enabled()));
    }

    @DELETE
    @Path("{id}")
    @Transactional
    @RequiresScope(Scopes.WEBHOOKS_MANAGE)
    @Audited("webhook.deleted")
    public Response delete(@PathParam("id") String id) {
        webhooks.remove(webhooks.get(caller.tenantId(), id));
        return Response.noContent().build();
    }

    /** Queues a {@code webhook.test} event for this endpoint alone: 202 with its delivery, to follow at {@code deliveries}. */
    @POST
    @Path("{id}/test")
    @Transactional
    @RequiresScope(Scopes.WEBHOOKS_MANAGE)
    public Response test(@PathParam("id") String id) {
        Webhook webhook = webhooks.get(caller.tenantId(), id);
        return Response.accepted(DeliveryResponse.from(outbox.raiseFor(webhook, EventType.TEST,
                Json.createObjectBuilder().add("webhook_id", webhook.id()).build()))).build();
    }

    @GET
    @Path("{id}/deliveries")
    @Transactional
    @RequiresScope(Scopes.WEBHOOKS_READ)
    public Page<DeliveryResponse> deliveries(@PathParam("id") String id, @QueryParam("cursor") String cursor,
                                             @QueryParam("limit") String limit) {
        int size = Page.limit(limit);
        Webhook webhook = webhooks.get(caller.tenantId(), id);
        return Page.of(outbox.page(webhook.id(), Page.Position.decode(cursor), size), size, DeliveryResponse::from,
                delivery -> new Page.Position(delivery.createdAt(), delivery.id()));
    }
}
