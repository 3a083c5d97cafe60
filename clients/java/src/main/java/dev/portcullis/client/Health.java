package dev.portcullis.client;

/** {@code GET /v1/health}: {@code tenantId} names the credential's tenant (null without a credential). */
public record Health(String status, String service, String version, String tenantId, String timestamp) {
}
