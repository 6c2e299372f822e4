package org.yizhan.legalaid.rest.relief;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** A payment of granted relief. */
@Schema(name = "ReliefPaymentRequest")
public record PaymentRequest(
        @NotNull @Min(1) @Max(ReliefRequest.MAX_FEN)
        @Schema(required = true, description = "Paid in fen; all payments together at most the amount granted",
                minimum = "1", maximum = "100000000", format = "int64", example = "600000") Long amountFen,
        @NotNull @Schema(required = true, description = "The (Beijing) day it was paid; not in the future",
                example = "2026-12-01") LocalDate paidOn,
        @NotBlank @Size(max = 60) @Pattern(regexp = "^[A-Za-z0-9-]+$", message = "只能含字母、数字和 - / letters, digits and - only")
        @Schema(required = true, description = "The bank transfer's reference", maxLength = 60,
                example = "ICBC-20261201-00042") String reference) {
}
