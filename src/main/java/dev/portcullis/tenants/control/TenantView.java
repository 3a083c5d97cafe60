package dev.portcullis.tenants.control;

import dev.portcullis.tenants.entity.Tenant;

/** What the request pipeline needs of a tenant, cached on each node. */
public record TenantView(String id, boolean active, String plan, Long perMinute, Long perDay, String allowedIps) {

    public static TenantView from(Tenant tenant) {
        return new TenantView(tenant.id(), tenant.isActive(), tenant.plan(), tenant.perMinute(), tenant.perDay(),
                tenant.allowedIps());
    }
}
