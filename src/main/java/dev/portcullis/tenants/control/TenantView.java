package dev.portcullis.tenants.control;

import dev.portcullis.net.IpAllowlist;
import dev.portcullis.ratelimit.control.LimitOverride;
import dev.portcullis.tenants.entity.Tenant;

/**
 * What the request pipeline needs of a tenant, cached on each node. {@code limits}: the tenant's own
 * numbers, each null where the plan's apply.
 */
public record TenantView(String id, boolean active, String plan, LimitOverride limits, IpAllowlist allowlist) {

    public static TenantView from(Tenant tenant) {
        return new TenantView(tenant.id(), tenant.isActive(), tenant.plan(), new LimitOverride(tenant.perMinute(), tenant.perDay()),
                IpAllowlist.fromStored(tenant.allowedIps()));
    }
}
