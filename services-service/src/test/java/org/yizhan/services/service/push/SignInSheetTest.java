package org.yizhan.services.service.push;

import org.junit.jupiter.api.Test;
import org.yizhan.kit.problem.Problem;
import org.yizhan.kit.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Reading sign-in sheets: grouping rows into records and naming errors by line. */
class SignInSheetTest {

    static final UUID STATION = UUID.fromString("6c1f6a52-8d2e-4a57-9d0b-3f7e0f1c2a11");
    static final String HEADER = String.join(",", SignInSheet.COLUMNS) + "\n";
    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    static final RecordRules.Reference REFERENCE = new RecordRules.Reference(Set.of("SAFETY_TALK"),
            Set.of("youth-league", "womens-federation"), Map.of(STATION, "ACTIVE"));

    static String row(String id, String participant, String checkedIn, String count) {
        return id + ",SAFETY_TALK,冬季骑行安全讲座," + STATION + ",2026-11-21T14:00:00+08:00,2026-11-21T16:00:00+08:00,"
                + "womens-federation," + participant + "," + checkedIn + "," + count + "\n";
    }

    static List<String> errors(PushInput input) {
        List<Problem.FieldError> errors = new ArrayList<>(input.readErrors());
        List<Problem.FieldError> refusals = new ArrayList<>();
        RecordRules.check(input.record(), input.unreadable(), "youth-league", REFERENCE, NOW, errors, refusals);
        errors.addAll(refusals);
        return errors.stream().map(e -> input.fieldName().apply(e.field())).toList();
    }

    static List<PushInput> read(String text) {
        return SignInSheet.read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rowsOfOneRecordIdFormOneCompletedRecord() {
        List<PushInput> inputs = read("\uFEFF" + HEADER + row("a", "p-1", "2026-11-21T14:05:00+08:00", "")
                + row("b", "", "", "12") + row("a", "p-2", "", ""));
        assertEquals(2, inputs.size());
        PushRecord a = inputs.get(0).record();
        assertEquals("a", a.recordId());
        assertEquals("COMPLETED", a.status());
        assertEquals(List.of("p-1", "p-2"), a.participants().stream().map(PushRecord.Participant::id).toList());
        assertEquals(List.of("womens-federation"), a.organisers());
        assertEquals(2, inputs.get(0).line());
        assertEquals(12, inputs.get(1).record().participantCount());
        assertNull(inputs.get(1).record().participants());
        assertEquals(List.of(), errors(inputs.get(0)));
        assertEquals(List.of(), errors(inputs.get(1)));
    }

    @Test
    void errorsNameTheLineAndColumn() {
        List<PushInput> inputs = read(HEADER + row("a", "p-1", "", "") + row("a", "13800138000", "", "")
                + row("b", "", "", "many") + row("c", "p-1", "", "").replace("14:00:00+08:00", "2pm")
                + row("a", "p-3", "", "").replace("冬季骑行安全讲座", "另一个标题"));
        assertEquals(List.of("line 6: title", "line 3: participant_id"), errors(inputs.get(0)));
        assertEquals(List.of("line 4: participant_count"), errors(inputs.get(1)));
        assertEquals(List.of("line 5: starts_at"), errors(inputs.get(2)));
    }

    @Test
    void aRowWithMoreValuesThanColumnsIsRejectedWithItsRecord() {
        List<PushInput> inputs = read(HEADER + row("a", "p-1", "", "").replace("\n", ",extra\n"));
        assertEquals(List.of("line 2"), errors(inputs.get(0)));
    }

    @Test
    void malformedSheetsAreRefusedWhole() {
        assertThrows(ProblemException.class, () -> read(HEADER));
        assertThrows(ProblemException.class, () -> read("record_id,type\n1,2\n"));
        assertThrows(ProblemException.class, () -> read(HEADER + "a,\"unclosed\n"));
        assertThrows(ProblemException.class, () -> SignInSheet.read(new byte[]{(byte) 0xC3, (byte) 0x28}));
    }
}
