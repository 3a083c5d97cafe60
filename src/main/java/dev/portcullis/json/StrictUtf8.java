package dev.portcullis.json;

import dev.portcullis.errors.MalformedRequest;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * A JSON body must be UTF-8 (RFC 8259), and bytes that are not are refused with 400
 * {@code MALFORMED_REQUEST}: the JSON reader would turn each into U+FFFD and store text the client never
 * sent. The body is read whole here, before the JSON reader sees it, which also lets a body over the size
 * limit surface as the 413 it is rather than as bad JSON (the limit is enforced while reading).
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class StrictUtf8 implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (context.getMediaType() == null || !MediaType.APPLICATION_JSON_TYPE.isCompatible(context.getMediaType())) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException notUtf8) {
            throw new MalformedRequest("The request body is not valid UTF-8");
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }
}
