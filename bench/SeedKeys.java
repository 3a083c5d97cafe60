import dev.portcullis.access.Environment;
import dev.portcullis.keys.control.KeyFormat;
import dev.portcullis.keys.entity.KeyType;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;

/**
 * For bench/scale.sh (not a test): puts TENANTS tenants and KEYS keys spread over them straight into a
 * Portcullis PostgreSQL database with JDBC batches, as the API would have stored them (SHA-256 of each key,
 * its prefix and last four characters), and writes every key, one per line, to the file named by -Dkeys.
 *
 *   java -cp target/classes:postgresql.jar -Ddb=jdbc:postgresql://… -Dtenants=1000 -Dkeys=… bench/SeedKeys.java
 */
public class SeedKeys {

    public static void main(String[] args) throws Exception {
        int tenants = Integer.getInteger("tenants", 1000);
        int count = Integer.getInteger("count", 1_000_000);
        Path out = Path.of(System.getProperty("keys"));
        KeyFormat format = new KeyFormat("sk", "tk");
        long now = System.currentTimeMillis();
        long started = System.nanoTime();
        try (Connection db = DriverManager.getConnection(System.getProperty("db"), "postgres", "postgres");
             BufferedWriter keys = Files.newBufferedWriter(out)) {
            db.setAutoCommit(false);
            try (PreparedStatement tenant = db.prepareStatement("INSERT INTO tenants (id, name, plan, status, per_minute, per_day, "
                    + "created_at, updated_at) VALUES (?, ?, 'enterprise', 'active', 1000000000, 1000000000000, ?, ?)")) {
                for (int t = 0; t < tenants; t++) {
                    tenant.setString(1, tenantId(t));
                    tenant.setString(2, "scale " + t);
                    tenant.setLong(3, now);
                    tenant.setLong(4, now);
                    tenant.addBatch();
                }
                tenant.executeBatch();
            }
            try (PreparedStatement key = db.prepareStatement("INSERT INTO api_keys (id, tenant_id, name, type, environment, role, "
                    + "secret_hash, prefix, last4, created_at, updated_at) VALUES (?, ?, ?, 'secret', 'live', 'member', ?, ?, ?, ?, ?)")) {
                for (int k = 0; k < count; k++) {
                    String secret = format.generate(KeyType.SECRET, Environment.LIVE, null);
                    var stored = format.secretOf(secret);
                    key.setString(1, "key_scale" + k);
                    key.setString(2, tenantId(k % tenants));
                    key.setString(3, "scale " + k);
                    key.setString(4, stored.hash());
                    key.setString(5, stored.prefix());
                    key.setString(6, stored.last4());
                    key.setLong(7, now);
                    key.setLong(8, now);
                    key.addBatch();
                    keys.write(secret);
                    keys.newLine();
                    if (k % 10_000 == 9_999) {
                        key.executeBatch();
                        db.commit();
                    }
                }
                key.executeBatch();
                db.commit();
            }
        }
        System.out.printf("seeded %d keys over %d tenants in %.0f s%n", count, tenants, (System.nanoTime() - started) / 1e9);
    }

    private static String tenantId(int t) {
        return "tenant_scale" + t;
    }
}
