package dev.portcullis.errors;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/** Writes an {@link ErrorEnvelope.Body} as the JSON it already is. */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class ErrorBodyWriter implements MessageBodyWriter<ErrorEnvelope.Body> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == ErrorEnvelope.Body.class;
    }

    @Override
    public void writeTo(ErrorEnvelope.Body body, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        out.write(body.json().getBytes(StandardCharsets.UTF_8));
    }
}
