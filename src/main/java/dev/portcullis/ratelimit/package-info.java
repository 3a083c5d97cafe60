/**
 * Plans, rate limits and usage. Every authenticated request is charged to its subject (the key, or
 * the user of a session) against two windows: a per-minute limit enforced with GCRA (a burst of up to
 * the limit, then one request per 60 s / limit; the full limit is available again 60 s after a burst)
 * and a per-day quota counted in the UTC calendar day. Both are decided in one atomic entry processor
 * on the Data Grid entry of the subject, so concurrent requests on any number of nodes admit exactly
 * the remaining quota; a request refused by one window consumes nothing of the other. Day counts are
 * flushed to the database in batches and reloaded after a restart.
 */
package dev.portcullis.ratelimit;
