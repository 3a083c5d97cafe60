package dev.portcullis.errors;

import jakarta.annotation.Priority;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * {@code @Transactional} wraps what it rolls back for, and Jersey ships a mapper of its own for that
 * wrapper which answers with the container's HTML page. This one answers in the envelope: the
 * wrapped failure if it is ours, otherwise an unexpected one.
 */
@Provider
@Priority(1)
public class TransactionFailureMapper implements ExceptionMapper<TransactionalException> {

    @Override
    public Response toResponse(TransactionalException failure) {
        return new UnexpectedFailureMapper().toResponse(failure.getCause() == null ? failure : failure.getCause());
    }
}
