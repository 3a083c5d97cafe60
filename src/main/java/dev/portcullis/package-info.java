/**
 * Portcullis: a self-hosted, multi-tenant API access service. One WAR, packaged by feature: what a
 * resource may use ({@code access}), the request pipeline ({@code pipeline}), the features ({@code
 * tenants}, {@code keys}, {@code users}, {@code sessions}, {@code ratelimit}, {@code allowlist},
 * {@code files}, {@code gateway}, {@code health}, {@code bootstrap}), and below them the error envelope
 * ({@code errors}), request rules ({@code validation}), addresses ({@code net}), JSON, and the shared
 * infrastructure (database, Data Grid, clock). Every import arrow runs down; an architecture test keeps it so.
 *
 * <p>A method one bean calls on another is public, and so are the types it takes and returns, even where the
 * package would do: Payara's Weld proxies reach any other method by reflection (measured at about 5 % of a
 * keyed request's CPU). The architecture test keeps that too. The beans that admitting a request calls
 * are {@link dev.portcullis.OnRequestPath}: injected as themselves, with no proxy to pass.
 */
package dev.portcullis;
