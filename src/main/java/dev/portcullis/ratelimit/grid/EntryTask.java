package dev.portcullis.ratelimit.grid;

import java.io.Serializable;
import java.util.Map;

/**
 * Something done to one entry's bucket states in one atomic step: a charge, an admin's change of a key's
 * credits. Changes the states in place and answers; what it answers is never an array the entry keeps,
 * which the entry's next task may change.
 * Serializable and in the grid functions package, so that any member can run it without the application.
 */
public interface EntryTask<R> extends Serializable {

    R apply(Map<String, long[]> states);
}
