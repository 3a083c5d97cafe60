package com.example.orders;

import dev.portcullis.Ids;
import dev.portcullis.access.Audited;
import dev.portcullis.access.Caller;
import dev.portcullis.access.Cost;
import dev.portcullis.access.RequiresScope;
import dev.portcullis.errors.NotFound;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;

/**
 * {@code /v1/orders}: an application's own API in the Portcullis WAR. By the time a method runs,
 * Portcullis has authenticated the key or token, resolved the tenant, checked the IP allowlists,
 * charged the rate limit ({@link Cost}) and checked {@code @RolesAllowed} and {@link RequiresScope};
 * the method reads who is calling from the {@link Caller} and keeps each tenant's orders to itself.
 */
@Path("v1/orders")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrdersResource {

    public record NewOrder(@NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String item,
                           @NotNull(message = "is required") @Min(value = 1, message = "must be 1 to 1000")
                           @Max(value = 1000, message = "must be 1 to 1000") Integer quantity) {
    }

    public record OrderResponse(String id, String tenantId, String item, int quantity, String createdBy, Instant createdAt) {

        static OrderResponse from(PurchaseOrder order) {
            return new OrderResponse(order.id(), order.tenantId(), order.item(), order.quantity(), order.createdBy(),
                    order.createdAt());
        }
    }

    public record OrderList(List<OrderResponse> data) {
    }

    @Inject
    Caller caller;

    @PersistenceContext
    EntityManager em;

    /** Placing an order is worth five ordinary requests of the caller's rate limits. */
    @POST
    @RolesAllowed("member")
    @RequiresScope("orders:write")
    @Cost(5)
    @Transactional
    @Audited("order.placed")
    public Response place(@NotNull(message = "is required") @Valid NewOrder body, @Context UriInfo uri) {
        PurchaseOrder order = new PurchaseOrder(Ids.next("order"), caller.tenantId(), caller.environment().value(), body.item().strip(),
                body.quantity(), caller.subject(), Instant.now());
        em.persist(order);
        return Response.created(uri.getAbsolutePathBuilder().path(order.id()).build()).entity(OrderResponse.from(order)).build();
    }

    @GET
    @RolesAllowed("read_only")
    @RequiresScope("orders:read")
    @Transactional
    public OrderList list() {
        return new OrderList(em.createQuery("""
                        select o from PurchaseOrder o where o.tenantId = :tenant and o.environment = :environment
                        order by o.createdAt, o.id""", PurchaseOrder.class)
                .setParameter("tenant", caller.tenantId())
                .setParameter("environment", caller.environment().value())
                .setMaxResults(200)
                .getResultStream().map(OrderResponse::from).toList());
    }

    /** Another tenant's order is simply not found. */
    @GET
    @Path("{id}")
    @RolesAllowed("read_only")
    @RequiresScope("orders:read")
    @Transactional
    public OrderResponse get(@PathParam("id") String id) {
        PurchaseOrder order = em.find(PurchaseOrder.class, id);
        if (order == null || !order.isVisibleTo(caller.tenantId(), caller.environment().value())) {
            throw new NotFound("Order");
        }
        return OrderResponse.from(order);
    }
}
