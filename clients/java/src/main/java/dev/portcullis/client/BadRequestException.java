package dev.portcullis.client;

import java.util.Map;

/** 400: VALIDATION_FAILED (see field()), MALFORMED_REQUEST, INVALID_FORWARDING_HEADER. */
public class BadRequestException extends PortcullisException {

    public BadRequestException(int status, String code, String message, String requestId, Map<String, Object> details) {
        super(status, code, message, requestId, details);
    }
}
