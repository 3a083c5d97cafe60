/**
 * The Payara Data Grid (Hazelcast) as the application uses it: Payara injects the member's
 * {@code HazelcastInstance}; on it sit node-local read caches that every node drops at once when any
 * node changes the row behind them. Those caches keep the database off the per-request path while
 * revocations, suspensions and password changes still take effect on the very next request on every
 * node.
 */
package dev.portcullis.cluster;
