package dev.portcullis.sessions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An RS256 key pair, encoded (X.509 public, PKCS#8 private, Base64). The private key is kept in the
 * database so every node signs with the same key and tokens survive restarts, encrypted when an
 * encryption key is configured (see {@code dev.portcullis.sealing.Seal}).
 */
@Entity
@Table(name = "signing_keys")
public class SigningKey {

    @Id
    private String kid;
    private String algorithm;
    @Column(name = "public_key")
    private String publicKey;
    @Column(name = "private_key")
    private String privateKey;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "retired_at")
    private Instant retiredAt;
    @Column(name = "verify_until")
    private Instant verifyUntil;

    protected SigningKey() {
    }

    public SigningKey(String kid, String algorithm, String publicKey, String privateKey, Instant now) {
        this.kid = kid;
        this.algorithm = algorithm;
        this.publicKey = publicKey;
        this.privateKey = privateKey;
        this.createdAt = now;
    }

    /** Stops signing now; stays published until the last token it signed has expired. */
    public void retire(Instant now, Instant lastTokenExpiry) {
        if (retiredAt == null) {
            retiredAt = now;
            verifyUntil = lastTokenExpiry;
        }
    }

    /** The same private key in another stored form (sealed, when encryption at rest is switched on). */
    public void storePrivateKeyAs(String stored) {
        privateKey = stored;
    }

    public boolean isRetired() {
        return retiredAt != null;
    }

    public boolean verifiesAt(Instant now) {
        return verifyUntil == null || now.isBefore(verifyUntil);
    }

    public String kid() {
        return kid;
    }

    public String publicKey() {
        return publicKey;
    }

    public String privateKey() {
        return privateKey;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant verifyUntil() {
        return verifyUntil;
    }
}
