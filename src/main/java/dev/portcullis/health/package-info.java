/**
 * {@code GET /v1/health} as the AudiModal seed describes it: open to everyone, and with a valid
 * credential it names the caller's tenant, so clients can test their key. Payara's MicroProfile Health
 * endpoints ({@code /health/ready}, {@code /health/live}) carry the operator's readiness check.
 */
package dev.portcullis.health;
