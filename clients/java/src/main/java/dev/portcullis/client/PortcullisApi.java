package dev.portcullis.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The Portcullis API as a MicroProfile Rest Client interface, for Jakarta EE and MicroProfile
 * applications: {@code @Inject @RestClient PortcullisApi portcullis;} with
 * {@code portcullis/mp-rest/url=https://api.example.com/v1} and {@code portcullis.api-key} in MicroProfile
 * Config, or built with {@code RestClientBuilder} and {@code register(new ApiKeyAuthentication(key))}.
 * Refusals are thrown as the same {@link PortcullisException}s as {@link PortcullisClient}'s. Sessions
 * and 429 retries are {@link PortcullisClient}'s: here {@link #login} answers the tokens, and the
 * caller sends them.
 */
@RegisterRestClient(configKey = "portcullis")
@RegisterProvider(PortcullisJson.class)
@RegisterProvider(PortcullisErrors.class)
@RegisterProvider(ApiKeyAuthentication.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface PortcullisApi {

    @GET
    @Path("health")
    Health health();

    @POST
    @Path("keys")
    Key createKey(NewKey key);

    @GET
    @Path("keys")
    Page<Key> listKeys(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    /** Every key, page by page as the stream is consumed. */
    default Stream<Key> allKeys(Integer limit) {
        return pages(cursor -> listKeys(cursor, limit));
    }

    @GET
    @Path("keys/{id}")
    Key getKey(@PathParam("id") String id);

    @PATCH
    @Path("keys/{id}")
    Key updateKey(@PathParam("id") String id, KeyChange change);

    @POST
    @Path("keys/{id}/roll")
    Key rollKey(@PathParam("id") String id, Requests.Roll roll);

    @DELETE
    @Path("keys/{id}")
    void revokeKey(@PathParam("id") String id);

    @POST
    @Path("keys/verify")
    KeyVerdict verifyKey(Requests.KeyToVerify key);

    @POST
    @Path("users")
    User createUser(NewUser user);

    @GET
    @Path("users")
    Page<User> listUsers(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("users/{id}")
    User getUser(@PathParam("id") String id);

    @PATCH
    @Path("users/{id}")
    User updateUser(@PathParam("id") String id, UserChange change);

    @DELETE
    @Path("users/{id}")
    void deleteUser(@PathParam("id") String id);

    @POST
    @Path("tenants")
    Tenant createTenant(NewTenant tenant);

    @GET
    @Path("tenants")
    Page<Tenant> listTenants(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("tenants/{id}")
    Tenant getTenant(@PathParam("id") String id);

    @PATCH
    @Path("tenants/{id}")
    Tenant updateTenant(@PathParam("id") String id, TenantChange change);

    @GET
    @Path("auth/ip-allowlist")
    Requests.AllowedIps allowlist();

    @POST
    @Path("auth/ip-allowlist")
    Requests.AllowedIps replaceAllowlist(Requests.AllowedIps allowedIps);

    @DELETE
    @Path("auth/ip-allowlist")
    void clearAllowlist();

    @GET
    @Path("plans")
    Requests.PlanList plans();

    @GET
    @Path("plans/{name}")
    Plan plan(@PathParam("name") String name);

    @GET
    @Path("usage")
    Usage usage(@QueryParam("from") String from, @QueryParam("to") String to);

    @POST
    @Path("auth/login")
    Tokens login(Requests.Login login);

    @POST
    @Path("auth/refresh")
    Tokens refresh(Requests.Refresh refresh);

    /** Items of every page, fetched as the stream is consumed; {@code page} answers the page after a cursor (null: the first). */
    static <T> Stream<T> pages(Function<String, Page<T>> page) {
        Iterator<T> items = new Iterator<>() {
            private Iterator<T> current = List.<T>of().iterator();
            private String cursor;
            private boolean last;

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && !last) {
                    Page<T> next = page.apply(cursor);
                    current = next.data().iterator();
                    cursor = next.nextCursor();
                    last = cursor == null;
                }
                return current.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }
}
