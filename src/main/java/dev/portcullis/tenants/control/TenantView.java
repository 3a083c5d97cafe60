package dev.portcullis.tenants.control;

import dev.portcullis.allowlist.control.IpAllowlist;
import dev.portcullis.tenants.entity.Tenant;

/** What the request pipeline needs of a tenant, cached on each node. */
public record TenantView(String id, boolean active, String plan, Long perMinute, Long perDay, IpAllowlist allowlist) {

    public static TenantView from(Tenant tenant) {
        return new TenantView(tenant.id(), tenant.isActive(), tenant.plan(), tenant.perMinute(), tenant.perDay(),
                IpAllowlist.fromStored(tenant.allowedIps()));
    }
}
