/**
 * Files: the worked example of an API a SaaS team adds to the Portcullis WAR. The resource only
 * declares what it needs ({@code @RolesAllowed}, {@code @RequiresScope}) and reads the
 * {@link dev.portcullis.access.Caller}; authentication, tenant resolution, IP allowlists and rate
 * limits have already run. Files belong to a tenant and to the environment (live or test) of the
 * credential that created them.
 */
package dev.portcullis.files;
