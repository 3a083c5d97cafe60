package dev.portcullis.client;

import java.util.Map;

/** 401: INVALID_API_KEY, INVALID_TOKEN, TOKEN_EXPIRED, INVALID_CREDENTIALS, INVALID_REFRESH_TOKEN. */
public class AuthenticationException extends PortcullisException {

    public AuthenticationException(int status, String code, String message, String requestId, Map<String, Object> details) {
        super(status, code, message, requestId, details);
    }
}
