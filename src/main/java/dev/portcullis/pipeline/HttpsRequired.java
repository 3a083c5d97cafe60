package dev.portcullis.pipeline;

import dev.portcullis.errors.ApiFailure;
/** The request did not arrive over TLS; its credential was not looked at. No redirect: clients must fix their URL. */
public class HttpsRequired extends ApiFailure {

    public HttpsRequired() {
        super(403, "HTTPS_REQUIRED", "All API requests must use HTTPS");
    }
}
