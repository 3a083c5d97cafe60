package dev.portcullis.client;

import java.util.Map;

/** 409. */
public class ConflictException extends PortcullisException {

    public ConflictException(int status, String code, String message, String requestId, Map<String, Object> details) {
        super(status, code, message, requestId, details);
    }
}
