/**
 * Tenants: the isolation unit. Every key, user, session and allowlist belongs to exactly one tenant,
 * and nothing of one tenant is visible to another. Platform admins (keys of the platform tenant)
 * create and manage tenants; a suspended tenant's credentials are refused on every call.
 */
package dev.portcullis.tenants;
