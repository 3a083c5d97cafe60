package dev.portcullis.errors;

public class PayloadTooLarge extends ApiFailure {

    public PayloadTooLarge(long limit) {
        super(413, "PAYLOAD_TOO_LARGE", "The request body is larger than " + limit + " bytes");
        with("max_bytes", limit);
    }
}
