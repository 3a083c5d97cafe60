package dev.portcullis.tenants.control;

import dev.portcullis.errors.ApiFailure;
/** Every credential of a suspended tenant is refused until a platform admin reactivates it. */
public class TenantSuspended extends ApiFailure {

    public TenantSuspended() {
        super(403, "TENANT_SUSPENDED", "This tenant is suspended");
    }
}
