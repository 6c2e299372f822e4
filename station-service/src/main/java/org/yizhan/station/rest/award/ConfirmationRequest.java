package org.yizhan.station.rest.award;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.station.domain.award.Confirmation;

/** The station's decision on an activity a partner pushed. */
@Schema(name = "ActivityConfirmationRequest")
public record ConfirmationRequest(
        @NotNull @Schema(description = "CONFIRMED (it counts toward the award score) or REJECTED",
                enumeration = {"CONFIRMED", "REJECTED"}, example = "CONFIRMED") Confirmation decision,
        @Size(max = NOTE_MAX) @Schema(description = "Why, e.g. how it was checked", maxLength = NOTE_MAX,
                example = "签到表已核对") String note) {

    /** The longest note kept (the column's width). */
    public static final int NOTE_MAX = 500;
}
