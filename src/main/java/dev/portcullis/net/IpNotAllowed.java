package dev.portcullis.net;

import dev.portcullis.errors.ApiFailure;
/** The client's address is outside the tenant's or the key's allowlist. */
public class IpNotAllowed extends ApiFailure {

    public IpNotAllowed() {
        super(403, "IP_NOT_ALLOWED", "Requests from this IP address are not allowed");
    }
}
