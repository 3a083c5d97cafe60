package dev.portcullis.webhooks.control;

import dev.portcullis.errors.ValidationFailed;

/**
 * A webhook URL Portcullis will not send to: not HTTPS, not a plain absolute URL, or an address on
 * loopback, a private network, link-local, multicast or reserved. At registration it is the client's
 * 400 on field {@code url}; at delivery, the reason the attempt failed.
 */
public class DestinationRefused extends ValidationFailed {

    public DestinationRefused(String message) {
        super("url", message);
    }
}
