package dev.portcullis.net;

import dev.portcullis.errors.ApiFailure;
/** A trusted proxy sent a client address or protocol header that does not parse. */
public class InvalidForwardingHeader extends ApiFailure {

    public InvalidForwardingHeader(String header) {
        super(400, "INVALID_FORWARDING_HEADER", header + " does not hold what a proxy should put there");
        with("header", header);
    }
}
