package org.yizhan.services.push;

import db.migration.V7__pseudonymise_partner_participants;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.yizhan.kit.privacy.Pseudonyms;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.sql.Connection;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Participants of partners' records stored in plain text before version 7 become pseudonyms. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_services"))
class PseudonymMigrationTest {

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Pseudonyms pseudonyms;

    @Test
    void plainParticipantsBecomeTheirPseudonymsAndPseudonymsStayAsTheyAre() throws Exception {
        UUID activity = UUID.randomUUID();
        String already = pseudonyms.of("youth-league:p-already");
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("insert into activity (id, type, title, station_id, starts_at, ends_at, status,"
                            + " created_by, source, source_partner, source_record_id, version, created_at, updated_at)"
                            + " values (:id, 'HAIRCUT', '旧记录', :station, now() - interval '3 days',"
                            + " now() - interval '3 days' + interval '2 hours', 'COMPLETED', 'yl-system', 'PUSH',"
                            + " 'youth-league', :record, 0, now(), now())")
                    .setParameter("id", activity).setParameter("station", UUID.randomUUID())
                    .setParameter("record", "legacy-" + activity).executeUpdate();
            for (String participant : List.of("youth-league:p-0001", "youth-league:13-x", already)) {
                em.createNativeQuery("insert into attendance (activity_id, participant, kind, source, checked_in_at,"
                                + " recorded_at) values (:id, :p, 'ATTENDED', 'PUSH', now(), now())")
                        .setParameter("id", activity).setParameter("p", participant).executeUpdate();
            }
        });
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            new V7__pseudonymise_partner_participants().migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return c;
                }
            });
            c.commit();
        }
        @SuppressWarnings("unchecked")
        List<String> stored = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select participant from attendance where activity_id = :id order by participant")
                .setParameter("id", activity).getResultList());
        assertEquals(List.of(already, pseudonyms.of("youth-league:13-x"), pseudonyms.of("youth-league:p-0001"))
                .stream().sorted().toList(), stored);
    }
}
