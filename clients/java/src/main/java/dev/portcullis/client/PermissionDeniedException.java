package dev.portcullis.client;

import java.util.Map;

/** 403: INSUFFICIENT_PERMISSIONS (see requiredRole(), requiredScope()), TENANT_SUSPENDED, IP_NOT_ALLOWED, HTTPS_REQUIRED. */
public class PermissionDeniedException extends PortcullisException {

    public PermissionDeniedException(int status, String code, String message, String requestId, Map<String, Object> details) {
        super(status, code, message, requestId, details);
    }
}
