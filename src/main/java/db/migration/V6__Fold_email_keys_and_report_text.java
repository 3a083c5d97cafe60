package db.migration;

import dev.portcullis.errors.ValidationFailed;
import dev.portcullis.users.control.EmailAddress;
import dev.portcullis.validation.TextPolicy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Logger;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Once, on the upgrade to the text policy and folded email addresses: every stored user gets its folded
 * address ({@code email_key}), and whatever was stored before that breaks the new rules is reported in the
 * log, by id, and left as it is: names with invisible or control characters, addresses that no longer
 * pass, and look-alike accounts (a second address that folds onto a first one's: its key stays empty, so
 * that it cannot log in until an admin gives it another address or deletes it). Nothing is rewritten.
 */
public class V6__Fold_email_keys_and_report_text extends BaseJavaMigration {

    private static final Logger LOG = Logger.getLogger(V6__Fold_email_keys_and_report_text.class.getName());

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        foldEmails(connection);
        reportNames(connection, "tenants", "name", 200);
        reportNames(connection, "api_keys", "name", 200);
        reportNames(connection, "files", "name", 255);
    }

    private static void foldEmails(Connection connection) throws SQLException {
        Set<String> taken = new HashSet<>();
        try (Statement select = connection.createStatement();
             ResultSet users = select.executeQuery("SELECT id, tenant_id, email FROM users ORDER BY created_at, id");
             PreparedStatement fold = connection.prepareStatement("UPDATE users SET email_key = ? WHERE id = ?")) {
            while (users.next()) {
                String id = users.getString(1);
                String email = users.getString(3);
                String key;
                try {
                    key = EmailAddress.of(email).key();
                } catch (ValidationFailed broken) {
                    LOG.warning("User " + id + ": its stored email breaks the address rules (" + broken.getMessage()
                            + "); it keeps it and can still log in with it");
                    key = email;
                }
                if (!taken.add(users.getString(2) + "\n" + key)) {
                    LOG.warning("User " + id + ": its email looks like another user's of the same tenant; it cannot log "
                            + "in until an admin gives it another address or deletes it");
                    continue;
                }
                fold.setString(1, key);
                fold.setString(2, id);
                fold.addBatch();
            }
            fold.executeBatch();
        }
    }

    private static void reportNames(Connection connection, String table, String column, int max) throws SQLException {
        try (Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("SELECT id, " + column + " FROM " + table)) {
            while (rows.next()) {
                String problem = TextPolicy.problemWith(rows.getString(2), max);
                if (problem != null) {
                    LOG.warning(table + " " + rows.getString(1) + ": its " + column + " breaks the text policy ("
                            + column + " " + problem + "); left as it is");
                }
            }
        }
    }
}
