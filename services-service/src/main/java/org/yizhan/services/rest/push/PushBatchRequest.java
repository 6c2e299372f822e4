package org.yizhan.services.rest.push;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * A batch of records from a partner system. Records are read one by one (not bound here), so
 * that one badly typed record is rejected alone instead of failing the batch.
 */
@Schema(name = "PushBatch", example = """
        {"records":[{"recordId":"YL-2026-0412","type":"HAIRCUT","title":"爱心义剪进驿站",
          "stationId":"6c1f6a52-8d2e-4a57-9d0b-3f7e0f1c2a11","startsAt":"2026-11-21T14:00:00+08:00",
          "endsAt":"2026-11-21T17:00:00+08:00","organisers":["womens-federation"],"status":"COMPLETED",
          "participants":[{"id":"p-0001","checkedInAt":"2026-11-21T14:05:00+08:00"},{"id":"p-0002"}]},
         {"recordId":"YL-2026-0413","type":"SAFETY_TALK","title":"冬季骑行安全讲座",
          "stationId":"6c1f6a52-8d2e-4a57-9d0b-3f7e0f1c2a11","startsAt":"2026-11-22T10:00:00+08:00",
          "endsAt":"2026-11-22T11:00:00+08:00","status":"COMPLETED","participantCount":46}]}""")
public record PushBatchRequest(
        @NotNull @Size(min = 1, max = 1000)
        @Schema(description = "1 to 1000 activity records", implementation = PushRecordSchema[].class)
        List<JsonNode> records) {
}
