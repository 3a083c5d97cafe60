package dev.portcullis.sessions.control;

import dev.portcullis.Ids;
import dev.portcullis.cluster.Invalidations;
import dev.portcullis.cluster.NodeCache;
import dev.portcullis.sealing.Seal;
import dev.portcullis.sessions.entity.SigningKey;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The keys that sign access tokens. Generated on first start and kept in the database (tokens survive
 * restarts, every node signs alike); each node holds them decoded in a cache that a rotation drops
 * on every node. After a rotation the new key signs and the old one stays in the JWKS until the
 * last token it signed has expired.
 */
@ApplicationScoped
public class SigningKeys {

    private static final int RSA_BITS = 2048;
    private static final String RING = "ring";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Invalidations invalidations;

    @Inject
    Seal seal;

    @Inject
    @ConfigProperty(name = "sessions.access-token.ttl", defaultValue = "PT1H")
    Duration accessTokenTtl;

    private NodeCache<Keyring> cache;

    /** The decoded keys: the one that signs, and every one that may verify, with the end of its use. */
    record Keyring(String signingKid, PrivateKey signingKey, Map<String, Verifier> verifying) {
    }

    record Verifier(PublicKey key, Instant until) {
        boolean usableAt(Instant now) {
            return until == null || now.isBefore(until);
        }
    }

    @PostConstruct
    void createCache() {
        cache = invalidations.cache("signing-keys", 1);
    }

    /**
     * After the migrations and the bootstrap (observer priority 20): seals with the encryption key, when
     * one is set, the private keys stored unencrypted or sealed with the previous key; makes sure a key
     * signs, and opens it, so that a missing or wrong encryption key stops the start instead of the
     * first login.
     */
    @Transactional
    void prepare(@Observes @Priority(20) @Initialized(ApplicationScoped.class) Object started) {
        for (SigningKey key : em.createQuery("select k from SigningKey k", SigningKey.class).getResultList()) {
            key.storePrivateKeyAs(seal.resealed(key.kid(), key.privateKey()));
        }
        if (active().isEmpty()) {
            generate();
        }
        load();
    }

    public String signingKid() {
        return ring().signingKid();
    }

    public PrivateKey signingKey() {
        return ring().signingKey();
    }

    /** Null for an unknown kid or one whose tokens have all expired. */
    public PublicKey verifying(String kid) {
        Verifier verifier = ring().verifying().get(kid);
        return verifier != null && verifier.usableAt(clock.instant()) ? verifier.key() : null;
    }

    /** Makes a new key the signer; the old one keeps verifying until its tokens have expired. */
    @Transactional
    public String rotate() {
        Instant now = clock.instant();
        for (SigningKey key : active()) {
            key.retire(now, now.plus(accessTokenTtl).plusSeconds(60));
        }
        return generate().kid();
    }

    /** The JSON Web Key Set of every key that may still verify a token. */
    public JsonObject jwks() {
        JsonArrayBuilder keys = Json.createArrayBuilder();
        Instant now = clock.instant();
        ring().verifying().forEach((kid, verifier) -> {
            if (verifier.usableAt(now)) {
                RSAPublicKey rsa = (RSAPublicKey) verifier.key();
                keys.add(Json.createObjectBuilder()
                        .add("kty", "RSA").add("use", "sig").add("alg", Jwt.ALGORITHM).add("kid", kid)
                        .add("n", unsigned(rsa.getModulus())).add("e", unsigned(rsa.getPublicExponent())));
            }
        });
        return Json.createObjectBuilder().add("keys", keys).build();
    }

    private Keyring ring() {
        return cache.get(RING, key -> Optional.of(load())).orElseThrow();
    }

    private Keyring load() {
        Instant now = clock.instant();
        List<SigningKey> all = em.createQuery("select k from SigningKey k order by k.createdAt desc", SigningKey.class)
                .getResultList();
        Map<String, Verifier> verifying = new LinkedHashMap<>();
        all.stream().filter(k -> k.verifiesAt(now))
                .forEach(k -> verifying.put(k.kid(), new Verifier(publicKey(k.publicKey()), k.verifyUntil())));
        SigningKey signer = all.stream().filter(k -> !k.isRetired()).findFirst()
                .orElseThrow(() -> new IllegalStateException("No active signing key"));
        return new Keyring(signer.kid(), privateKey(seal.open(signer.kid(), signer.privateKey())), java.util.Collections.unmodifiableMap(verifying));
    }

    private List<SigningKey> active() {
        return em.createQuery("select k from SigningKey k where k.retiredAt is null", SigningKey.class).getResultList();
    }

    private SigningKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_BITS);
            KeyPair pair = generator.generateKeyPair();
            Base64.Encoder base64 = Base64.getEncoder();
            String kid = "kid_" + Ids.randomBase62(16);
            SigningKey key = new SigningKey(kid, Jwt.ALGORITHM, base64.encodeToString(pair.getPublic().getEncoded()),
                    seal.seal(kid, base64.encodeToString(pair.getPrivate().getEncoded())), clock.instant());
            em.persist(key);
            invalidations.invalidate(cache, RING);
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate a signing key", e);
        }
    }

    private static PublicKey publicKey(String encoded) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(encoded)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored public key is unreadable", e);
        }
    }

    private static PrivateKey privateKey(String encoded) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(encoded)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored private key is unreadable", e);
        }
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        int skip = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        byte[] trimmed = java.util.Arrays.copyOfRange(bytes, skip, bytes.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(trimmed);
    }
}
