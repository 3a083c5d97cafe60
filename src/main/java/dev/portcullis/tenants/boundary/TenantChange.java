package dev.portcullis.tenants.boundary;

/** A partial update: absent fields are left as they are. */
public record TenantChange(String name, String plan, String status) {
}
