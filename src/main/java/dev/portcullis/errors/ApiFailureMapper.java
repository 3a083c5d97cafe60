package dev.portcullis.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class ApiFailureMapper implements ExceptionMapper<ApiFailure> {

    @Override
    public Response toResponse(ApiFailure failure) {
        Response.ResponseBuilder response = ErrorEnvelope.response(
                failure.status(), failure.code(), failure.getMessage(), failure.details());
        failure.addHeaders(response);
        return response.build();
    }
}
