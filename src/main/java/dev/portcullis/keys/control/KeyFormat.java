package dev.portcullis.keys.control;

import dev.portcullis.Ids;
import dev.portcullis.OnRequestPath;
import dev.portcullis.access.Environment;
import dev.portcullis.keys.entity.ApiKey;
import dev.portcullis.keys.entity.KeyType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The shape of API keys. Secret keys are {@code <family>_<env>_<secret><checksum>}; tenant keys are
 * {@code <tenant-prefix>_<tenant id>_<secret><checksum>}, with {@code _test} after the tenant id for
 * test keys. The secret is {@value #SECRET_LENGTH} base62 characters (≈190 bits), the checksum the
 * CRC32 of the secret in {@value #CHECKSUM_LENGTH} base62 characters.
 */
@OnRequestPath
public class KeyFormat {

    public static final int SECRET_LENGTH = 32;
    public static final int CHECKSUM_LENGTH = 6;
    private static final int TAIL = SECRET_LENGTH + CHECKSUM_LENGTH;
    private static final Pattern FAMILY = Pattern.compile("[a-z][a-z0-9]{0,15}");
    private static final Pattern TENANT_ID = Pattern.compile("tenant_[A-Za-z0-9]{1,57}");
    private static final MessageDigest SHA_256;

    static {
        try {
            SHA_256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String livePrefix;
    private final String testPrefix;
    private final String tenantPrefix;

    /** What a well-formed key says about itself, before any lookup. */
    public record Parsed(KeyType type, Environment environment, String tenantId, String prefix, String last4) {
    }

    @Inject
    public KeyFormat(@ConfigProperty(name = "keys.prefix", defaultValue = "sk") String family,
                     @ConfigProperty(name = "keys.tenant-prefix", defaultValue = "tk") String tenantFamily) {
        if (!FAMILY.matcher(family).matches() || !FAMILY.matcher(tenantFamily).matches() || family.equals(tenantFamily)) {
            throw new IllegalArgumentException("keys.prefix and keys.tenant-prefix must be different lower-case words");
        }
        this.livePrefix = family + "_live_";
        this.testPrefix = family + "_test_";
        this.tenantPrefix = tenantFamily + "_";
    }

    public String generate(KeyType type, Environment environment, String tenantId) {
        String secret = Ids.randomBase62(SECRET_LENGTH);
        return prefix(type, environment, tenantId) + secret + checksum(secret);
    }

    public String prefix(KeyType type, Environment environment, String tenantId) {
        if (type == KeyType.TENANT) {
            return tenantPrefix + tenantId + (environment == Environment.TEST ? "_test_" : "_");
        }
        return environment == Environment.TEST ? testPrefix : livePrefix;
    }

    /** Whether a bearer value claims to be an API key (rather than a JWT). */
    public boolean claimsToBeKey(String credential) {
        return credential.startsWith(livePrefix) || credential.startsWith(testPrefix) || credential.startsWith(tenantPrefix);
    }

    /** Checks structure and checksum only; a key that fails is certainly not one we issued. */
    public Optional<Parsed> parse(String key) {
        if (key.length() <= TAIL) {
            return Optional.empty();
        }
        int tailStart = key.length() - TAIL;
        if (!hasChecksum(key, tailStart)) {
            return Optional.empty();
        }
        String prefix = key.substring(0, tailStart);
        String last4 = key.substring(key.length() - 4);
        if (prefix.equals(livePrefix)) {
            return Optional.of(new Parsed(KeyType.SECRET, Environment.LIVE, null, prefix, last4));
        }
        if (prefix.equals(testPrefix)) {
            return Optional.of(new Parsed(KeyType.SECRET, Environment.TEST, null, prefix, last4));
        }
        if (prefix.startsWith(tenantPrefix) && prefix.endsWith("_")) {
            String tenant = prefix.substring(tenantPrefix.length(), prefix.length() - 1);
            Environment environment = Environment.LIVE;
            if (tenant.endsWith("_test")) {
                tenant = tenant.substring(0, tenant.length() - "_test".length());
                environment = Environment.TEST;
            }
            if (TENANT_ID.matcher(tenant).matches()) {
                return Optional.of(new Parsed(KeyType.TENANT, environment, tenant, prefix, last4));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the {@value #SECRET_LENGTH} characters from {@code start} are base62 and the rest their
     * checksum. Read in place: this runs on every keyed request, and copies of the parts cost more than it.
     */
    private static boolean hasChecksum(String key, int start) {
        byte[] secret = new byte[SECRET_LENGTH];
        for (int i = 0; i < SECRET_LENGTH; i++) {
            char c = key.charAt(start + i);
            if (!Ids.isBase62(c)) {
                return false;
            }
            secret[i] = (byte) c;
        }
        char[] expected = checksum(secret);
        for (int i = 0; i < CHECKSUM_LENGTH; i++) {
            if (key.charAt(start + SECRET_LENGTH + i) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** What is stored of a key: its SHA-256, its prefix and its last four characters. */
    public ApiKey.Secret secretOf(String key) {
        Parsed parsed = parse(key).orElseThrow(() -> new IllegalArgumentException("not a well-formed key"));
        return new ApiKey.Secret(hash(key), parsed.prefix(), parsed.last4());
    }

    public static String hash(String key) {
        return HexFormat.of().formatHex(sha256().digest(key.getBytes(StandardCharsets.UTF_8)));
    }

    /** A fresh SHA-256: a clone of one looked up once, since the lookup by name costs more than the hash. */
    private static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the runtime's SHA-256 cannot be cloned", e);
        }
    }

    static String checksum(String secret) {
        return new String(checksum(secret.getBytes(StandardCharsets.US_ASCII)));
    }

    private static char[] checksum(byte[] secret) {
        CRC32 crc = new CRC32();
        crc.update(secret);
        long value = crc.getValue();
        char[] out = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            out[i] = Ids.BASE62.charAt((int) (value % 62));
            value /= 62;
        }
        return out;
    }
}
