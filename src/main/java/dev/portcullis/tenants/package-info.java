/**
 * Tenants: the isolation unit. Every key, user, session and allowlist belongs to exactly one tenant,
 * and nothing of one tenant is visible to another. Platform admins (keys of the platform tenant)
 * create and manage tenants; a suspended tenant's credentials are refused on every call. On first
 * start with an empty database the {@link dev.portcullis.tenants.control.Bootstrap} creates the platform
 * tenant and its first admin key.
 */
package dev.portcullis.tenants;
