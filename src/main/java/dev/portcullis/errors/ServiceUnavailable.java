package dev.portcullis.errors;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;

/**
 * A part the request needs is down (the database, or every slot of a bounded resource is taken): 503,
 * worth retrying after {@code retry_after} seconds. What was already committed stays; nothing of the
 * request was.
 */
public class ServiceUnavailable extends ApiFailure {

    private final long retryAfter;

    public ServiceUnavailable(String message, long retryAfterSeconds) {
        super(503, "SERVICE_UNAVAILABLE", message);
        this.retryAfter = retryAfterSeconds;
        with("retry_after", retryAfterSeconds);
    }

    @Override
    public void addHeaders(Response.ResponseBuilder response) {
        response.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
    }

    public static ServiceUnavailable database() {
        return new ServiceUnavailable("The database is unavailable; retry shortly", 5);
    }

    /**
     * Whether {@code failure} is the database being out of reach rather than a statement it refused: a
     * connection that could not be made or broke (SQLSTATE class 08, or the driver's connection
     * exceptions), the pool that could not hand one out in time, or a commit that failed with it.
     */
    public static boolean isDatabaseOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof jakarta.resource.ResourceException) {
                return true;
            }
            // The transaction manager could not commit or roll back: with the database as its only resource,
            // the connection broke under it (it keeps no cause).
            if (t instanceof jakarta.transaction.SystemException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (t instanceof SQLException sql && String.valueOf(sql.getMessage()).startsWith("Error in allocating a connection")) {
                return true;
            }
        }
        return false;
    }
}
