package dev.portcullis.client;

/** {@code plan} null: free; {@code rateLimit}: the tenant's own numbers instead of its plan's. */
public record NewTenant(String name, String plan, RateLimit rateLimit) {
}
