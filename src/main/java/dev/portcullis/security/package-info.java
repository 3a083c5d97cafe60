/**
 * The request pipeline: one JAX-RS filter per concern, ordered by {@link jakarta.ws.rs.Priorities},
 * all filling or reading the one request-scoped {@link dev.portcullis.security.Caller}.
 * <ol>
 * <li>{@link dev.portcullis.security.BodySizeFilter}: oversized bodies are refused before anything reads them;</li>
 * <li>{@link dev.portcullis.security.AuthenticationFilter}: {@code Authorization: Bearer} holding an API key or a JWT;</li>
 * <li>{@link dev.portcullis.security.TenantFilter}: the effective tenant, {@code X-Tenant-ID} for platform admins;</li>
 * <li>{@link dev.portcullis.security.AccessControl}: {@code @RolesAllowed} and {@link dev.portcullis.security.RequiresScope}.</li>
 * </ol>
 * The caller is also the JAX-RS {@link jakarta.ws.rs.core.SecurityContext}, so resources may use
 * {@code @RolesAllowed}, {@code SecurityContext.isUserInRole} or inject {@code Caller} directly,
 * whichever credential the request carried.
 */
package dev.portcullis.security;
