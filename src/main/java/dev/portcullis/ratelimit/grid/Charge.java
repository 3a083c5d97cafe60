package dev.portcullis.ratelimit.grid;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One request's charge: its buckets, its time, and the persisted starting states of buckets that the
 * entry does not hold yet (after a restart, or a first use). Without a needed seed, {@link Decide} asks
 * for it instead of deciding.
 */
public record Charge(List<Bucket> buckets, long nowMillis, Map<String, long[]> seeds) implements EntryTask<Decision> {

    private static final long serialVersionUID = 1L;

    public Charge {
        buckets = List.copyOf(buckets);
        seeds = seeds.isEmpty() ? Map.of() : new HashMap<>(seeds);
    }

    public Charge(List<Bucket> buckets, long nowMillis) {
        this(buckets, nowMillis, Map.of());
    }

    @Override
    public Decision apply(Map<String, long[]> states) {
        return Decide.apply(states, this);
    }

    public Charge withSeeds(Map<String, long[]> more) {
        Map<String, long[]> all = new HashMap<>(seeds);
        all.putAll(more);
        return new Charge(buckets, nowMillis, all);
    }
}
