package dev.portcullis.client;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Turns {@link PortcullisApi}'s refusals into the same exceptions as {@link PortcullisClient} throws. */
public class PortcullisErrors implements ResponseExceptionMapper<PortcullisException> {

    @Override
    public PortcullisException toThrowable(Response response) {
        MultivaluedMap<String, String> headers = response.getStringHeaders();
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        // The request's own credential is not known here; keys and tokens are still caught by their shape.
        return ErrorBodies.toException(response.getStatus(), name -> Optional.ofNullable(headers.getFirst(name)), body, List.of());
    }

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }
}
