package dev.portcullis.client;

import java.util.Map;

/** 404. */
public class NotFoundException extends PortcullisException {

    public NotFoundException(int status, String code, String message, String requestId, Map<String, Object> details) {
        super(status, code, message, requestId, details);
    }
}
