package dev.portcullis.client;

import java.util.Map;

/** 429: retryAfter() is the number of seconds until a request would be admitted. */
public class RateLimitException extends PortcullisException {

    public RateLimitException(int status, String code, String message, String requestId, Map<String, Object> details) {
        super(status, code, message, requestId, details);
    }
}
