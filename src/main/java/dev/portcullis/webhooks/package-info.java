/**
 * Webhooks: a tenant admin registers HTTPS endpoints for events (keys created, rolled, revoked, about to
 * expire and expired; a key's day quota at 80 % and 100 %; a refresh token used twice; an account
 * locked), and Portcullis posts each event to them, signed with the endpoint's secret (stored sealed
 * when an encryption key is set: {@code dev.portcullis.sealing}). Delivery is at least once: an event
 * goes into an outbox table in the transaction of what caused it, and one worker at a time across the cluster sends the due rows, retrying with exponential backoff for a day.
 * Destinations on loopback, private, link-local or multicast addresses are refused unless a setting
 * allows them, at registration and again, resolved, before every delivery.
 */
package dev.portcullis.webhooks;
