package org.yizhan.legalaid.rest.relief;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An approval of a relief application, with the amount granted. */
@Schema(name = "ReliefApprovalRequest")
public record ApprovalRequest(
        @NotNull @Min(1) @Max(ReliefRequest.MAX_FEN)
        @Schema(required = true, description = "Amount granted in fen: at most the amount requested; a second approver "
                + "may lower the first approver's amount, not raise it", minimum = "1", maximum = "100000000",
                format = "int64", example = "600000") Long amountGrantedFen) {
}
