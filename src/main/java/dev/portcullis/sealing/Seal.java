package dev.portcullis.sealing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encrypts secrets that Portcullis must read back (the signing keys' private halves, the webhook
 * endpoints' signing secrets) at rest, with AES-256-GCM, when {@code sessions.signing-key.encryption-key}
 * is set, so that a copy of the database (a backup, a replica, a dump) carries neither the power to mint
 * access tokens nor to forge webhooks. The row's id is the associated data: a sealed secret copied into
 * another row does not open. Without the setting, secrets are stored as before, unencrypted, and stored
 * secrets of either kind are read. To change the encryption key, set the new one and the old one as
 * {@code sessions.signing-key.previous-encryption-key} for one start: the stored secrets are sealed
 * again with the new one. (The setting keeps its first name: it sealed signing keys before webhooks.)
 */
@ApplicationScoped
public class Seal {

    private static final String SEALED = "aes256gcm:";
    private static final String SETTING = "sessions.signing-key.encryption-key (SESSIONS_SIGNING_KEY_ENCRYPTION_KEY)";
    private static final String PREVIOUS_SETTING =
            "sessions.signing-key.previous-encryption-key (SESSIONS_SIGNING_KEY_PREVIOUS_ENCRYPTION_KEY)";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;
    private final SecretKey previous;

    @Inject
    public Seal(@ConfigProperty(name = "sessions.signing-key.encryption-key") Optional<String> configured,
                          @ConfigProperty(name = "sessions.signing-key.previous-encryption-key") Optional<String> previous) {
        this.key = decodeIfSet(configured, SETTING);
        this.previous = decodeIfSet(previous, PREVIOUS_SETTING);
        if (this.previous != null && this.key == null) {
            throw new IllegalArgumentException(PREVIOUS_SETTING + " is only read together with " + SETTING
                    + ", the key to encrypt the stored keys with from now on");
        }
    }

    /** For the CDI proxy only. */
    protected Seal() {
        this(Optional.empty(), Optional.empty());
    }

    private static SecretKey decodeIfSet(Optional<String> configured, String setting) {
        return configured.map(String::strip).filter(value -> !value.isEmpty()).map(value -> decode(value, setting)).orElse(null);
    }

    /** The value never appears in the message: it is a secret. */
    private static SecretKey decode(String base64, String setting) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notBase64) {
            bytes = new byte[0];
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException(setting + " must be the Base64 of " + KEY_BYTES
                    + " random bytes, such as `openssl rand -base64 32` prints");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** The stored form of a secret of row {@code id}: sealed when an encryption key is set, else as given. */
    public String seal(String id, String secret) {
        if (key == null) {
            return secret;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, id, nonce);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] stored = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, stored, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
            return SEALED + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a secret", e);
        }
    }

    /** The secret of row {@code id} as stored: unencrypted, or sealed with the current or previous key. */
    public String open(String id, String stored) {
        if (!isSealed(stored)) {
            return stored;
        }
        if (key == null) {
            throw new IllegalStateException("The stored secret of " + id + " is encrypted, as are the others; set " + SETTING
                    + " to the key they were encrypted with");
        }
        return openWith(key, id, stored)
                .or(() -> previous == null ? Optional.empty() : openWith(previous, id, stored))
                .orElseThrow(() -> new IllegalStateException("The stored secret of " + id + " does not open with "
                        + SETTING + (previous == null ? "" : " nor with " + PREVIOUS_SETTING)
                        + "; it was encrypted with another key"));
    }

    /**
     * Whether a stored secret is to be stored again, sealed with the current key: it is unencrypted, or
     * sealed with another key (the previous one, while the encryption key is being changed).
     */
    public boolean wouldReseal(String id, String stored) {
        return key != null && (!isSealed(stored) || openWith(key, id, stored).isEmpty());
    }

    /**
     * The stored form of a stored secret from now on: {@code stored} itself unless it is to be sealed again.
     * It is opened either way, so that a secret this node cannot read stops the start that calls this.
     */
    public String resealed(String id, String stored) {
        String secret = open(id, stored);
        return wouldReseal(id, stored) ? seal(id, secret) : stored;
    }

    private Optional<String> openWith(SecretKey candidate, String id, String stored) {
        try {
            byte[] bytes = Base64.getDecoder().decode(stored.substring(SEALED.length()));
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, candidate, id, Arrays.copyOf(bytes, NONCE_BYTES));
            return Optional.of(new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES),
                    StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException notThisKey) {
            return Optional.empty();
        }
    }

    private static boolean isSealed(String stored) {
        return stored.startsWith(SEALED);
    }

    private static Cipher cipher(int mode, SecretKey with, String id, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, with, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(id.getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }
}
