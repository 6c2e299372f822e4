package org.yizhan.telemetry;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UrlQueryRedactionTest {

    @Test
    void valuesAreRedactedAndNamesThatAreNoIdentifiersDropped() {
        assertEquals("lat=REDACTED&lon=REDACTED&cursor=REDACTED",
                UrlQueryRedaction.redact("lat=39.73&lon=116.33&cursor=abc%3D"));
        assertEquals("openNow=REDACTED", UrlQueryRedaction.redact("openNow&13812345678=x&%E5%BC%A0=y"));
        assertEquals("", UrlQueryRedaction.redact(""));
    }

    @Test
    void aUrlKeepsItsPathAndLosesItsQueryValuesAndFragment() {
        assertEquals("http://127.0.0.1:8081/api/v1/stations/nearby?lat=REDACTED&q=REDACTED",
                UrlQueryRedaction.redactUrl("http://127.0.0.1:8081/api/v1/stations/nearby?lat=39.7&q=%E5%BC%A0#x"));
        assertEquals("http://127.0.0.1:8081/api/v1/stations",
                UrlQueryRedaction.redactUrl("http://127.0.0.1:8081/api/v1/stations"));
        assertEquals("http://127.0.0.1:8081/api/v1/stations", UrlQueryRedaction.redactUrl("http://127.0.0.1:8081/api/v1/stations#top"));
    }
}
