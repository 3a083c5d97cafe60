package dev.portcullis.database;

import dev.portcullis.errors.RequestIdFilter;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Counts the SQL statements EclipseLink sends on behalf of HTTP requests (background work such as
 * usage flushes is counted apart). Exposed as the metric {@code portcullis_db_statements_total}; the
 * tests read it to prove that rejecting a malformed key or serving a known key costs no query.
 * Registered in persistence.xml, so EclipseLink, not CDI, creates it: hence the static counters.
 */
public class StatementCounter extends SessionEventAdapter {

    private static final LongAdder REQUEST = new LongAdder();
    private static final LongAdder BACKGROUND = new LongAdder();

    public static long duringRequests() {
        return REQUEST.sum();
    }

    public static long inBackground() {
        return BACKGROUND.sum();
    }

    @Override
    public void preExecuteCall(SessionEvent event) {
        (RequestIdFilter.current() != null ? REQUEST : BACKGROUND).increment();
    }
}
