import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * For bench/profile.sh (not a test): what an authenticated request costs beyond the bare one, from two
 * async-profiler CPU profiles in collapsed form (one line per stack, root first, then a space and the
 * sample count). Prints the samples per request of each, the frames whose own samples per request grew
 * most, and the application's methods by their whole time per request in the keyed profile.
 *
 *   java -Dinterval-us=200 bench/ProfileDiff.java bare.collapsed <bare requests> keyed.collapsed <keyed requests>
 */
public class ProfileDiff {

    public static void main(String[] args) throws IOException {
        double intervalMicros = Double.parseDouble(System.getProperty("interval-us", "200"));
        Map<String, Long> bareSelf = new HashMap<>();
        Map<String, Long> keyedSelf = new HashMap<>();
        Map<String, Long> keyedOurs = new HashMap<>();
        long bare = read(Path.of(args[0]), bareSelf, new HashMap<>());
        long keyed = read(Path.of(args[2]), keyedSelf, keyedOurs);
        double bareRequests = Double.parseDouble(args[1]);
        double keyedRequests = Double.parseDouble(args[3]);
        System.out.printf("CPU samples per request: bare %.3f, keyed %.3f (x %.0f us: %.1f us, %.1f us)%n",
                bare / bareRequests, keyed / keyedRequests, intervalMicros,
                bare / bareRequests * intervalMicros, keyed / keyedRequests * intervalMicros);
        System.out.println("\nframes whose own time grew most (us per request, keyed - bare):");
        Set<String> frames = new HashSet<>(bareSelf.keySet());
        frames.addAll(keyedSelf.keySet());
        frames.stream()
                .map(frame -> Map.entry(frame, (keyedSelf.getOrDefault(frame, 0L) / keyedRequests
                        - bareSelf.getOrDefault(frame, 0L) / bareRequests) * intervalMicros))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(25)
                .forEach(e -> System.out.printf("  %+6.2f  %s%n", e.getValue(), e.getKey()));
        System.out.println("\nthe application's methods in the keyed profile, whole time (us per request):");
        keyedOurs.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(30)
                .forEach(e -> System.out.printf("  %6.2f  %s%n", e.getValue() / keyedRequests * intervalMicros, e.getKey()));
    }

    /** Adds each stack's samples to its leaf frame and to every application frame on it once (CDI proxies left out); returns all samples. */
    private static long read(Path collapsed, Map<String, Long> self, Map<String, Long> ours) throws IOException {
        long total = 0;
        for (String line : Files.readAllLines(collapsed)) {
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            long samples = Long.parseLong(line.substring(space + 1));
            String[] stack = line.substring(0, space).split(";");
            total += samples;
            self.merge(stack[stack.length - 1], samples, Long::sum);
            Set<String> counted = new HashSet<>();
            for (String frame : stack) {
                if (frame.startsWith("dev/portcullis/") && !frame.contains("$Proxy$") && counted.add(frame)) {
                    ours.merge(frame, samples, Long::sum);
                }
            }
        }
        return total;
    }
}
