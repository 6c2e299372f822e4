package org.yizhan.services.service.push;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.kit.problem.Problem;

import java.util.List;
import java.util.UUID;

/** The answer to a pushed batch: one result per record, in the order sent, and the totals. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "PushAnswer")
public record PushAnswer(
        @Schema(description = "Id of the stored batch; absent for a dry run") UUID batchId,
        boolean dryRun,
        @Schema(minimum = "1", maximum = "" + PartnerPush.MAX_RECORDS) int received,
        @Schema(minimum = "0", maximum = "" + PartnerPush.MAX_RECORDS) int created,
        @Schema(minimum = "0", maximum = "" + PartnerPush.MAX_RECORDS) int updated,
        @Schema(minimum = "0", maximum = "" + PartnerPush.MAX_RECORDS) int unchanged,
        @Schema(minimum = "0", maximum = "" + PartnerPush.MAX_RECORDS) int rejected,
        @Schema(maxItems = PartnerPush.MAX_RECORDS) List<Result> results) {

    /** The most errors the answer lists for one record (the first ones found). */
    public static final int ERRORS_MAX = 100;

    /** What happened to one record. */
    public enum Outcome {
        /** A new activity. */
        CREATED,
        /** The activity of this record id changed. */
        UPDATED,
        /** Pushed before exactly like this; nothing changed and no event was sent. */
        UNCHANGED,
        /** Not taken; {@code errors} says why. Other records of the batch are not affected. */
        REJECTED
    }

    /** The result of one record. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "PushResult")
    public record Result(
            @Schema(description = "Position of the record in the batch, from 0", minimum = "0",
                    maximum = "" + (PartnerPush.MAX_RECORDS - 1)) int index,
            @Schema(description = "Sign-in sheets: the line where the record starts", minimum = "2",
                    maximum = "" + (SignInSheet.MAX_ROWS + 1)) Integer line,
            @Schema(maxLength = RecordRules.RECORD_ID_MAX) String recordId,
            Outcome outcome,
            @Schema(description = "The activity (absent for rejected records and for new ones in a dry run)")
            UUID activityId,
            @Schema(description = "The activity's version after the push", minimum = "0", maximum = "2147483647")
            Integer version,
            @Schema(description = "What is wrong with a rejected record (the first " + ERRORS_MAX + ")",
                    maxItems = ERRORS_MAX)
            List<Problem.FieldError> errors) {
    }
}
