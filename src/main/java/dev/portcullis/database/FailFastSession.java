package dev.portcullis.database;

import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;

/**
 * EclipseLink answers a query whose connection broke by trying it again on new connections (three
 * times, after checking the old one's health), each of which waits for a database that may not answer:
 * measured at three times the read timeout for one request. Here a broken connection fails the query at
 * once; the request gets 503 and the client retries (the pool drops every connection after one fails).
 */
public class FailFastSession implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(0);
            login.setConnectionHealthValidatedOnError(false);
        }
    }
}
