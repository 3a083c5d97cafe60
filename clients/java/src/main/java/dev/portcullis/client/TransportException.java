package dev.portcullis.client;

import java.util.Map;

/** The server could not be reached or did not answer in time. */
public class TransportException extends PortcullisException {

    public TransportException(String message, Throwable cause) {
        super(0, "TRANSPORT_ERROR", message, null, Map.of());
        initCause(cause);
    }
}
