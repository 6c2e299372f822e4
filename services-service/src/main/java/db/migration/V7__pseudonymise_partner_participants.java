package db.migration;

import io.quarkus.arc.Arc;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.yizhan.kit.privacy.Pseudonyms;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * People named in partners' records were stored as {@code <partner>:<their id>} in plain text; from
 * this version they are stored as the pseudonym of that text, made with the service's pseudonym key
 * like app users' (ADR 0014). The key is needed for this: in production, a database that holds
 * pushed participants cannot be upgraded until {@code YIZHAN_PSEUDONYM_KEY} is set. Pseudonyms never
 * contain a colon, so rows already pseudonymised are left alone.
 */
public class V7__pseudonymise_partner_participants extends BaseJavaMigration {

    private static final int CHUNK = 1_000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        List<UUID> activities = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("select activity_id, participant from attendance where source = 'PUSH'"
                + " and participant like '%:%'");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                activities.add(rs.getObject(1, UUID.class));
                plain.add(rs.getString(2));
            }
        }
        if (plain.isEmpty()) {
            return;
        }
        Pseudonyms pseudonyms = Arc.container().instance(Pseudonyms.class).get();
        if (!pseudonyms.isConfigured()) {
            throw new IllegalStateException(Pseudonyms.KEY_PROPERTY + " (YIZHAN_PSEUDONYM_KEY) must be set before "
                    + "participants of partners' records can be pseudonymised");
        }
        try (PreparedStatement update = c.prepareStatement(
                "update attendance set participant = ? where activity_id = ? and participant = ? and source = 'PUSH'")) {
            for (int i = 0; i < plain.size(); i++) {
                update.setString(1, pseudonyms.of(plain.get(i)));
                update.setObject(2, activities.get(i));
                update.setString(3, plain.get(i));
                update.addBatch();
                if ((i + 1) % CHUNK == 0) {
                    update.executeBatch();
                }
            }
            update.executeBatch();
        }
    }
}
