/**
 * The gateway: Portcullis for an API that does not run in this WAR. A gateway in front of that API
 * (nginx {@code auth_request}, Traefik {@code forwardAuth}, Envoy {@code ext_authz}) asks
 * {@code /v1/auth/verify} about each request it receives, with the client's own headers. The whole
 * pipeline runs for that question exactly as for a request to this WAR (HTTPS, the credential, tenant,
 * IP allowlists, the rate-limit charge), so the answer is the same decision with the same status,
 * envelope and rate-limit headers; a yes also names the caller in {@code X-Portcullis-*} headers for
 * the gateway to hand to the API. A backend that is handed keys without such a gateway asks
 * {@code POST /v1/keys/verify} with a key of its own instead, and gets a verdict made by the same checks.
 */
package dev.portcullis.gateway;
