package dev.portcullis.client;

import java.util.Map;

/** 5xx, such as 503 RATE_LIMIT_UNAVAILABLE. */
public class ServerException extends PortcullisException {

    public ServerException(int status, String code, String message, String requestId, Map<String, Object> details) {
        super(status, code, message, requestId, details);
    }
}
