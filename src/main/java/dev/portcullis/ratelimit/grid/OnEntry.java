package dev.portcullis.ratelimit.grid;

import com.hazelcast.map.EntryProcessor;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs an {@link EntryTask} on the member that owns the entry: read, change, write, in one step that no
 * other task on the entry can interleave with. The entry is the bucket states of one subject (a key, a
 * user, an address), or of an identity and all its keys, so that every limit of one request is decided
 * in one step.
 *
 * <p>Public, as are the parts of the decision the application uses: with the grid functions jar on
 * Payara Micro's class path these classes may be loaded apart from the application's.
 */
public final class OnEntry<R> implements EntryProcessor<String, HashMap<String, long[]>, R> {

    private static final long serialVersionUID = 1L;

    private final EntryTask<R> task;

    public OnEntry(EntryTask<R> task) {
        this.task = task;
    }

    @Override
    public R process(Map.Entry<String, HashMap<String, long[]>> entry) {
        HashMap<String, long[]> states = entry.getValue() == null ? new HashMap<>(8) : new HashMap<>(entry.getValue());
        R answer = task.apply(states);
        if (!states.isEmpty()) {
            entry.setValue(states);
        }
        return answer;
    }
}
