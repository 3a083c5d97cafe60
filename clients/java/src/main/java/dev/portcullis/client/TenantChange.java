package dev.portcullis.client;

/** A partial update of a tenant: null fields stay as they are; {@code status} is "active" or "suspended". */
public record TenantChange(String name, String plan, String status, RateLimit rateLimit) {
}
