import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Benchmark (not a test): the least CPU an exact rate-limit decision can cost on this machine when the
 * counter is in the Data Grid, without any HTTP around it. Threads standing in for request threads
 * (THREADS, as many as bench/throughput.sh's connections) each ask for one decision after another:
 *
 * <ol>
 *   <li>grid: {@code IMap.executeOnKey} with an entry processor that only adds one to a long, on an
 *       OBJECT-format map of a one-member grid on loopback: the cheapest exact grid decision;</li>
 *   <li>hand-off: the same question asked of one plain Java thread through a queue, answered through a
 *       future: what any "another thread decides, the request waits" design costs before Hazelcast;</li>
 *   <li>combined: the askers' questions queued to one plain thread, which takes all that are waiting,
 *       asks the grid once for all of them ({@code executeOnKey} adding their number) and answers each:
 *       the floor of designs that share one grid call among concurrent requests;</li>
 *   <li>in place: an {@code AtomicLong} increment on the asking thread: no hand-off (not shared across
 *       nodes, so not allowed for the limiter; here as the floor of the floor).</li>
 * </ol>
 *
 * Printed per variant: decisions per second and process CPU microseconds per decision. Compare the CPU
 * figure with bench/throughput.sh's: for authenticated + limited ≥ 0.90× bare, authentication and the
 * decision together may add at most bare CPU/req ÷ 9.
 *
 *   bench/grid-floor.sh          # THREADS=16 RUN_SECONDS=10 ROUNDS=3
 */
public class GridFloor {

    static final int THREADS = Integer.getInteger("threads", 16);
    static final int SECONDS = Integer.getInteger("seconds", 10);
    static final int ROUNDS = Integer.getInteger("rounds", 3);

    /** The whole decision: {@code requests} more requests on the entry. */
    public static final class Add implements EntryProcessor<String, long[], Long> {
        private static final long serialVersionUID = 1L;
        private final long requests;

        public Add(long requests) {
            this.requests = requests;
        }

        @Override
        public Long process(Map.Entry<String, long[]> entry) {
            long[] value = entry.getValue() == null ? new long[1] : entry.getValue();
            value[0] += requests;
            entry.setValue(value);
            return value[0];
        }
    }

    public static void main(String[] args) throws Exception {
        Config config = new Config().setClusterName("grid-floor");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.getNetworkConfig().setPort(Integer.getInteger("port", 26991)).setPortAutoIncrement(false);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(true).addMember("127.0.0.1");
        config.addMapConfig(new MapConfig("counters").setInMemoryFormat(InMemoryFormat.OBJECT).setBackupCount(1));
        HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
        try {
            IMap<String, long[]> counters = member.getMap("counters");
            Add addOne = new Add(1);
            LongSupplier grid = () -> counters.executeOnKey("key", addOne);

            long[] handedOff = {0};
            LongSupplier handOff = answeredBy("decider", false, questions -> questions.get(0).complete(++handedOff[0]));
            LongSupplier combined = answeredBy("combiner", true, questions -> {
                long last = counters.executeOnKey("combined", new Add(questions.size()));
                for (int i = 0; i < questions.size(); i++) {
                    questions.get(i).complete(last - questions.size() + 1 + i);
                }
            });

            AtomicLong local = new AtomicLong();
            LongSupplier inPlace = local::incrementAndGet;

            measure("warm-up grid", grid, 5);
            measure("warm-up hand-off", handOff, 5);
            measure("warm-up combined", combined, 5);
            measure("warm-up in place", inPlace, 2);
            for (int round = 1; round <= ROUNDS; round++) {
                System.out.printf("round %d: %s | %s | %s | %s%n", round,
                        measure("grid executeOnKey", grid, SECONDS),
                        measure("thread hand-off", handOff, SECONDS),
                        measure("combined", combined, SECONDS),
                        measure("in place", inPlace, SECONDS));
            }
        } finally {
            member.shutdown();
        }
    }

    /**
     * A decision asked of one plain daemon thread through a queue and answered through a future; the
     * thread answers one question at a time, or all that are waiting at once when {@code combining}.
     */
    private static LongSupplier answeredBy(String name, boolean combining, Consumer<List<CompletableFuture<Long>>> answer) {
        BlockingQueue<CompletableFuture<Long>> questions = new ArrayBlockingQueue<>(THREADS * 2);
        Thread answering = new Thread(() -> {
            List<CompletableFuture<Long>> batch = new ArrayList<>();
            try {
                while (true) {
                    batch.add(questions.take());
                    if (combining) {
                        questions.drainTo(batch);
                    }
                    answer.accept(batch);
                    batch.clear();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        answering.setDaemon(true);
        answering.start();
        return () -> {
            CompletableFuture<Long> question = new CompletableFuture<>();
            try {
                questions.put(question);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return question.join();
        };
    }

    private static String measure(String name, LongSupplier decision, int seconds) throws InterruptedException {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        LongAdder decisions = new LongAdder();
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch done = new CountDownLatch(THREADS);
        long cpuBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < THREADS; i++) {
            new Thread(() -> {
                while (running.get()) {
                    decision.getAsLong();
                    decisions.increment();
                }
                done.countDown();
            }, "asker-" + i).start();
        }
        Thread.sleep(seconds * 1000L);
        running.set(false);
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpuMicros = (os.getProcessCpuTime() - cpuBefore) / 1e3;
        long n = decisions.sum();
        return String.format("%s %,.0f/s %.1f us CPU", name, n / elapsed, cpuMicros / n);
    }
}
