/**
 * Portcullis: a self-hosted, multi-tenant API access service. One WAR; features live in their own
 * packages ({@code tenants}, {@code keys}, {@code sessions}, {@code users}, {@code ratelimit},
 * {@code allowlist}, {@code health}), the request pipeline in {@code security}, the error envelope in
 * {@code errors}, and the shared infrastructure (database, Data Grid, clock) in their own packages.
 */
package dev.portcullis;
