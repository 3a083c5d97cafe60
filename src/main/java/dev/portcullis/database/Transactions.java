package dev.portcullis.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * Runs a read of the request path (a cache load, a counter's starting point) in a transaction of its
 * own when the request has none. Outside a transaction the container keeps the EntityManager open on
 * the request's invocation until the request ends; a Data Grid operation that carries the application's
 * context (a node without the grid functions jar) ends that same invocation on a grid thread and closes
 * it there first, and the request then fails with "closed EntityManager". Inside one, it is closed at
 * the commit.
 */
@ApplicationScoped
public class Transactions {

    @Transactional(Transactional.TxType.REQUIRED)
    public <T> T within(Supplier<T> read) {
        return read.get();
    }
}
