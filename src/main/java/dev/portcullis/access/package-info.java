/**
 * What a resource may use, and nothing else: the {@link dev.portcullis.access.Caller} (tenant, subject,
 * role, scopes, live or test, credential kind, the JWT of a session, the client's address),
 * {@link dev.portcullis.access.Role}, {@link dev.portcullis.access.Scopes},
 * {@link dev.portcullis.access.RequiresScope}, {@link dev.portcullis.access.Cost},
 * {@link dev.portcullis.access.Unauthenticated} and the 403 {@link dev.portcullis.access.InsufficientPermissions}.
 * This is the package an application's own resources in the WAR import; it imports no feature.
 */
package dev.portcullis.access;
