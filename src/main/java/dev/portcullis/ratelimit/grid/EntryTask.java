package dev.portcullis.ratelimit.grid;

import java.io.Serializable;
import java.util.Map;

/**
 * Something done to one entry's bucket states in one atomic step: a charge, an admin's change of a key's
 * credits. Changes the states in place (replacing arrays, never changing them inside) and answers.
 * Serializable and in the grid functions package, so that any member can run it without the application.
 */
public interface EntryTask<R> extends Serializable {

    R apply(Map<String, long[]> states);
}
