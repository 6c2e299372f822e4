package org.yizhan.services;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Migration V8 moves the stations this service kept in venue into the kit's station_replica, versions and all. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_services"))
class VenueMigrationTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void venuesBecomeReplicatedStationsAndTheirTableGoes() throws Exception {
        String script;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("db/migration/V8__venues_into_the_kit_station_replica.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        UUID station = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            // The table as V1 and V2 made it, with one station at version 3.
            s.execute("create table venue (station_id uuid primary key, name varchar(100) not null,"
                    + " host_type varchar(40) not null, address varchar(300) not null, district varchar(60),"
                    + " latitude double precision not null, longitude double precision not null,"
                    + " status varchar(30) not null, registered_at timestamptz not null,"
                    + " last_event_id varchar(100) not null, updated_at timestamptz not null,"
                    + " status_reason varchar(300), version integer not null default 0)");
            s.execute("insert into venue values ('" + station + "', '旧驿站', 'RESTAURANT', '北京市大兴区', '大兴区', 39.7,"
                    + " 116.3, 'TEMPORARILY_CLOSED', now(), 'event-3', now(), '装修', 3)");
            s.execute(script);
            try (ResultSet rs = s.executeQuery("select name, status, status_reason, version, last_event_id"
                    + " from station_replica where station_id = '" + station + "'")) {
                assertTrue(rs.next());
                assertEquals("旧驿站", rs.getString(1));
                assertEquals("TEMPORARILY_CLOSED", rs.getString(2));
                assertEquals("装修", rs.getString(3));
                assertEquals(3, rs.getInt(4));
                assertEquals("event-3", rs.getString(5));
            }
            try (ResultSet rs = s.executeQuery("select count(*) from information_schema.tables where table_name = 'venue'")) {
                rs.next();
                assertEquals(0, rs.getInt(1));
            }
            c.rollback();
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from station_replica where station_id = '" + station + "'")) {
            rs.next();
            assertFalse(rs.getInt(1) > 0, "the test's transaction was rolled back");
        }
    }
}
