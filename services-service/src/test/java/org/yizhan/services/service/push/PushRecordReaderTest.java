package org.yizhan.services.service.push;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PushRecordReaderTest {

    /** Times in the common form: read field by field, to the same instant as the full parser. */
    @ParameterizedTest
    @ValueSource(strings = {"2026-11-21T14:00:00+08:00", "2026-11-21T06:00:00Z", "2026-11-21T06:00:00.5Z",
            "2026-11-21T06:00:00.123456789-05:30", "2024-02-29T23:59:59+00:00", "2026-12-31T23:59:59.000001+14:00",
            "2026-01-01T00:00:00-00:30", "0001-01-01T00:00:00Z", "2026-11-21T14:00:00.120+08:00"})
    void theCommonFormGivesTheSameInstantAsTheFullParser(String text) {
        Instant common = PushRecordReader.commonForm(text);
        assertNotNull(common, text);
        assertEquals(OffsetDateTime.parse(text).toInstant(), common, text);
        assertEquals(common, PushRecordReader.parseInstant(text));
    }

    /** Other valid spellings go to the full parser, which reads them. */
    @ParameterizedTest
    @ValueSource(strings = {"2026-11-21T14:00+08:00", "2026-11-21T14:00:00+08:00:30", "2026-11-21T14:00:00.1234567891Z",
            "+12026-11-21T14:00:00Z", "2026-11-21t14:00:00Z", "2026-11-21T14:00:00z", "2026-11-21T14:00:00+0800",
            "2026-11-21T10:00:00.Z"})
    void otherSpellingsAreLeftToTheFullParser(String text) {
        assertNull(PushRecordReader.commonForm(text), text);
        Instant full;
        try {
            full = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            assertThrows(DateTimeParseException.class, () -> PushRecordReader.parseInstant(text), text);
            return;
        }
        assertEquals(full, PushRecordReader.parseInstant(text), text);
    }

    /** Impossible dates and offsets, and times without an offset, are errors as before. */
    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T10:00:00+08:00", "2025-02-29T10:00:00Z", "2026-13-01T10:00:00Z",
            "2026-11-21T24:00:00Z", "2026-11-21T23:60:00Z", "2026-11-21T23:59:60Z", "2026-11-21T10:00:00+19:00",
            "2026-11-21T10:00:00+08:60", "2026-11-21T10:00:00", "2026-1a-21T10:00:00Z",
            "2026-11-21 10:00:00+08:00", "2026-11-21T10:00:00+08:0x", ""})
    void impossibleTimesAreErrors(String text) {
        assertNull(PushRecordReader.commonForm(text), text);
        assertThrows(DateTimeParseException.class, () -> PushRecordReader.parseInstant(text), text);
    }

    @Test
    void aRecordsTimesAreReadInTheCommonForm() {
        var node = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .put("startsAt", "2026-11-21T14:00:00+08:00").put("endsAt", "2026-11-21T17:00:00.25+08:00");
        PushRecordReader.Read read = PushRecordReader.read(node);
        assertEquals(Instant.parse("2026-11-21T06:00:00Z"), read.record().startsAt());
        assertEquals(Instant.parse("2026-11-21T09:00:00.25Z"), read.record().endsAt());
    }
}
