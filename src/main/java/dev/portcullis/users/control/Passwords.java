package dev.portcullis.users.control;

import dev.portcullis.errors.ValidationFailed;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string format
 * {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>}. Each hash is computed where the
 * caller bounds how many run at once: each takes {@code m} KiB of memory, and a burst of logins must not
 * exhaust the heap.
 */
public final class Passwords {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    private final int memoryKiB;
    private final int iterations;
    /** Runs one hash computation where the number at once is bounded ({@link PasswordHashing}). */
    private final UnaryOperator<Supplier<byte[]>> bounded;
    /** Verified against on a login for an unknown user, so that a miss costs what a hit costs. */
    private final String dummy;

    /** {@code bounded} runs the computation it is given and answers its result, limiting how many run at once. */
    public Passwords(int memoryKiB, int iterations, UnaryOperator<Supplier<byte[]>> bounded) {
        if (memoryKiB < 19 * 1024 || iterations < 2) {
            throw new IllegalArgumentException("Argon2id needs at least m=19 MiB and t=2");
        }
        this.memoryKiB = memoryKiB;
        this.iterations = iterations;
        this.bounded = bounded;
        this.dummy = hash("portcullis dummy password to spend the same time on a miss");
    }

    /** Checks the password rules; the characters themselves are never restricted or cut. */
    public static String acceptable(String password) {
        if (password == null) {
            throw new ValidationFailed("password", "password is required");
        }
        String normalized = Normalizer.normalize(password, Normalizer.Form.NFC);
        int length = normalized.codePointCount(0, normalized.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new ValidationFailed("password", "password must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        }
        return normalized;
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(password, salt, memoryKiB, iterations, 1);
        return "$argon2id$v=19$m=" + memoryKiB + ",t=" + iterations + ",p=1$" + B64.encodeToString(salt) + "$"
                + B64.encodeToString(hash);
    }

    public boolean verify(String password, String stored) {
        Optional<Matcher> phc = parse(stored);
        if (phc.isEmpty()) {
            return false;
        }
        Matcher m = phc.get();
        byte[] expected = B64_DECODER.decode(m.group(5));
        byte[] actual = derive(password, B64_DECODER.decode(m.group(4)), Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        return MessageDigest.isEqual(expected, actual);
    }

    /** Spends the time of one verification and fails: for logins of unknown or locked accounts. */
    public void verifyNothing(String password) {
        verify(password == null ? "" : password, dummy);
    }

    /** A stored hash made with weaker parameters than the current ones, to be replaced at login. */
    public boolean needsRehash(String stored) {
        return parse(stored).map(m -> Integer.parseInt(m.group(1)) < memoryKiB || Integer.parseInt(m.group(2)) < iterations)
                .orElse(true);
    }

    private static Optional<Matcher> parse(String stored) {
        Matcher m = PHC.matcher(stored == null ? "" : stored);
        return m.matches() ? Optional.of(m) : Optional.empty();
    }

    private byte[] derive(String password, byte[] salt, int memory, int passes, int lanes) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memory)
                .withIterations(passes)
                .withParallelism(lanes)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] input = Normalizer.normalize(password, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8);
        return bounded.apply(() -> {
            byte[] out = new byte[HASH_BYTES];
            generator.generateBytes(input, out);
            return out;
        }).get();
    }
}
