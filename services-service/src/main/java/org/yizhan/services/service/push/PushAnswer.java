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
        int received,
        int created,
        int updated,
        int unchanged,
        int rejected,
        List<Result> results) {

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
            @Schema(description = "Position of the record in the batch, from 0") int index,
            @Schema(description = "Sign-in sheets: the line where the record starts") Integer line,
            String recordId,
            Outcome outcome,
            @Schema(description = "The activity (absent for rejected records and for new ones in a dry run)")
            UUID activityId,
            @Schema(description = "The activity's version after the push") Integer version,
            List<Problem.FieldError> errors) {
    }
}
