package dev.portcullis.ratelimit.grid;

import com.hazelcast.map.EntryProcessor;
import java.util.Map;

/**
 * Runs on the member that owns the subject's entry: read, decide, write, in one step that no other
 * request can interleave with. Returns the encoded {@link Decision} followed by the counter state
 * after it, or null when the entry does not exist yet and no persisted starting point was supplied
 * (the caller then loads one and asks again).
 *
 * <p>Public, as are the parts of {@link Decision} the application uses: with the grid functions jar on
 * Payara Micro's class path these classes may be loaded apart from the application's, in another runtime package.
 */
public final class ChargeProcessor implements EntryProcessor<String, long[], long[]> {

    private static final long serialVersionUID = 2L;

    private final long perMinute;
    private final long perDay;
    private final long nowMillis;
    private final long cost;
    private final long[] seed;

    public ChargeProcessor(Limits limits, long nowMillis, long cost, long[] seed) {
        this.perMinute = limits.perMinute();
        this.perDay = limits.perDay();
        this.nowMillis = nowMillis;
        this.cost = cost;
        this.seed = seed;
    }

    @Override
    public long[] process(Map.Entry<String, long[]> entry) {
        long[] current = entry.getValue();
        if (current == null && seed == null) {
            return null;
        }
        long[] state = current == null ? seed.clone() : current.clone();
        Decision decision = Counter.charge(state, new Limits(perMinute, perDay), nowMillis, cost);
        entry.setValue(state);
        long[] encoded = decision.encode();
        long[] answer = new long[encoded.length + state.length];
        System.arraycopy(encoded, 0, answer, 0, encoded.length);
        System.arraycopy(state, 0, answer, encoded.length, state.length);
        return answer;
    }
}
