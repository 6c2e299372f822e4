package org.yizhan.gateway;

import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The table that puts each request in a route class, as the README documents it. */
class RouteClassTest {

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "GET,    /api/v1/stations,                              -,                           SEARCH",
            "GET,    /api/v1/stations/nearby,                       -,                           SEARCH",
            "HEAD,   /api/v1/checkups/feed/slots.ndjson,            -,                           SEARCH",
            "GET,    /api/v1/stationsx,                             -,                           READS",
            "GET,    /api/v1/legal-aid/cases,                       -,                           READS",
            "OPTIONS,/api/v1/activities,                            -,                           READS",
            "GET,    /api/v1/activities/partner-records,            -,                           READS",
            "POST,   /api/v1/activities/partner-records,            application/json,            PARTNER_PUSHES",
            "POST,   /api/v1/activities/partner-records/sign-in-sheets, text/csv,               PARTNER_PUSHES",
            "POST,   /api/v1/activities/partner-records/x,          multipart/form-data; boundary=b, PARTNER_PUSHES",
            "POST,   /api/v1/checkups/c-1/attachments,              application/octet-stream,    UPLOADS",
            "PUT,    /api/v1/stations/st-1/photo,                   image/jpeg,                  UPLOADS",
            "POST,   /api/v1/legal-aid/cases/l-1/documents,         Multipart/Form-Data,         UPLOADS",
            "POST,   /api/v1/legal-aid/cases/l-1/documents,         application/pdf,             UPLOADS",
            "POST,   /api/v1/stations,                              application/json,            WRITES",
            "PUT,    /api/v1/stations/st-1,                         application/json,            WRITES",
            "PATCH,  /api/v1/legal-aid/cases/l-1,                   application/merge-patch+json, WRITES",
            "DELETE, /api/v1/checkups/c-9,                          -,                           WRITES",
            "POST,   /api/v1/activities/partner-recordsx,           application/json,            WRITES",
    })
    void eachRequestHasTheDocumentedClass(String method, String path, String contentType, RouteClass expected) {
        assertEquals(expected, RouteClass.of(HttpMethod.valueOf(method), path, contentType));
    }
}
