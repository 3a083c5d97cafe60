/**
 * Identities: a tenant's own customers (by the tenant's {@code external_id}), whose keys share the
 * identity's limits. Every request of any key of an identity is charged to the identity's limits as well
 * as the key's own, in one atomic decision: both admit, or neither is charged.
 */
package dev.portcullis.identities;
