package dev.portcullis.ratelimit.control;

import dev.portcullis.OnRequestPath;
import dev.portcullis.database.Database;
import dev.portcullis.ratelimit.grid.Decide;
import jakarta.annotation.Resource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Keys' credits in the database, where they outlive every node: read where the grid has none yet, and
 * written after every spend before the request is answered, so that no restart or crash hands spent
 * credits back. Writes only ever lower the stock within a refill period, or move it to a later period,
 * and only for the admin change ({@code generation}) they were spent under: concurrent writes in any
 * order leave the lowest, and a spend that raced an admin's top-up never undoes it.
 */
@OnRequestPath
public class CreditsLedger {

    private static final Logger LOG = Logger.getLogger(CreditsLedger.class.getName());
    /** A key whose credits were removed while a request of it was in flight: that request is not counted. */
    private static final long UNCOUNTED = Long.MAX_VALUE / 4;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    public long[] persisted(String keyId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT credits_remaining, credits_period, credits_generation FROM api_keys WHERE id = ?")) {
            select.setString(1, keyId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next() || row.getObject(1) == null) {
                    return Decide.credits(UNCOUNTED, 0, 0);
                }
                return Decide.credits(row.getLong(1), row.getLong(2), row.getLong(3));
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    public void spent(String keyId, long[] state) {
        long remaining = state[Decide.CREDITS_REMAINING];
        long period = state[Decide.CREDITS_PERIOD];
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("""
                     UPDATE api_keys SET credits_remaining = ?, credits_period = ?
                     WHERE id = ? AND credits_generation = ?
                       AND (credits_period < ? OR (credits_period = ? AND credits_remaining > ?))""")) {
            update.setLong(1, remaining);
            update.setLong(2, period);
            update.setString(3, keyId);
            update.setLong(4, state[Decide.CREDITS_GENERATION]);
            update.setLong(5, period);
            update.setLong(6, period);
            update.setLong(7, remaining);
            update.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** An admin's change: it takes the place of whatever spends of an earlier generation wrote. */
    public void adjusted(String keyId, long[] state) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("""
                     UPDATE api_keys SET credits_remaining = ?, credits_period = ?, credits_generation = ?
                     WHERE id = ? AND credits_generation < ?""")) {
            update.setLong(1, state[Decide.CREDITS_REMAINING]);
            update.setLong(2, state[Decide.CREDITS_PERIOD]);
            update.setLong(3, state[Decide.CREDITS_GENERATION]);
            update.setString(4, keyId);
            update.setLong(5, state[Decide.CREDITS_GENERATION]);
            update.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** The spend stands in the grid; unwritten, the request is not answered as if it had been. */
    private static RateLimitUnavailable failed(SQLException e) {
        LOG.log(Level.WARNING, "Could not read or write a key's credits", e);
        return new RateLimitUnavailable();
    }
}
