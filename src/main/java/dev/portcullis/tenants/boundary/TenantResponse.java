package dev.portcullis.tenants.boundary;

import dev.portcullis.tenants.entity.Tenant;
import java.time.Instant;

public record TenantResponse(String id, String name, String plan, String status, Instant createdAt, Instant updatedAt) {

    public static TenantResponse from(Tenant tenant) {
        return new TenantResponse(tenant.id(), tenant.name(), tenant.plan(), tenant.status(), tenant.createdAt(),
                tenant.updatedAt());
    }
}
