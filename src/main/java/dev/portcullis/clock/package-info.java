/**
 * The one {@link java.time.Clock} every time-dependent rule reads (key expiry, grace periods, rate
 * windows, lockouts, token lifetimes). In production it is the system UTC clock. With
 * {@code portcullis.clock.adjustable=true}, which only the integration tests set, a platform admin can
 * move it forward through {@code POST /v1/test-clock}, so tests prove time rules without sleeping.
 */
package dev.portcullis.clock;
