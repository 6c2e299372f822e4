package org.yizhan.legalaid.rest.application;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.legalaid.domain.application.CaseAmount;
import org.yizhan.legalaid.service.application.CaseAmounts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The money of a case, kept apart: claimed, awarded and recovered are never added together. */
@Schema(name = "CaseAmounts")
public record AmountsView(
        @Schema(required = true, description = "Claimed in the application, in fen", minimum = "0",
                maximum = "2000000000000", format = "int64") long claimedFen,
        @Schema(required = true, description = "Awarded by mediation agreements, arbitral awards and judgments, in fen",
                minimum = "0", maximum = "2000000000000", format = "int64") long awardedFen,
        @Schema(required = true, description = "Actually recovered (payments received), in fen", minimum = "0",
                maximum = "2000000000000", format = "int64") long recoveredFen,
        @Schema(required = true, maxItems = 2, description = "RECOVERED_EXCEEDS_AWARDED, AWARDED_EXCEEDS_CLAIMED: "
                + "recorded, but worth a look") List<@jakarta.validation.constraints.Size(max = 40) String> warnings,
        @Schema(required = true, maxItems = 1000) List<Amount> amounts,
        @Schema(required = true, maxItems = 200, description = "Per worker (by number, 1 = the applicant; never who): "
                + "the case's claimed, awarded and recovered are the sums of these rows") List<WorkerAmounts> workers) {

    private static final String MAX_TOTAL = "2000000000000";

    /** The amounts of one worker of the case. */
    @Schema(name = "WorkerAmounts")
    public record WorkerAmounts(
            @Schema(required = true, minimum = "1", maximum = "200", format = "int32") int worker,
            @Schema(required = true, minimum = "0", maximum = "10000000000", format = "int64") long claimedFen,
            @Schema(required = true, minimum = "0", maximum = MAX_TOTAL, format = "int64") long awardedFen,
            @Schema(required = true, minimum = "0", maximum = MAX_TOTAL, format = "int64") long recoveredFen,
            @Schema(required = true, maxItems = 2, description = "RECOVERED_EXCEEDS_AWARDED, AWARDED_EXCEEDS_CLAIMED "
                    + "for this worker: recorded, but worth a look")
            List<@jakarta.validation.constraints.Size(max = 40) String> warnings) {
    }

    /** One amount of the case. */
    @Schema(name = "CaseAmount")
    public record Amount(
            @Schema(required = true, minimum = "1", maximum = "200", format = "int32",
                    description = "The worker it is for") int worker,
            @Schema(required = true) CaseAmount.Kind kind,
            @Schema(required = true) CaseAmount.Basis basis,
            @Schema(required = true, minimum = "1", maximum = "10000000000", format = "int64") long amountFen,
            @Schema(required = true) LocalDate onDate,
            @Schema(required = true) Instant recordedAt) {
    }

    public static AmountsView of(CaseAmounts.Totals t) {
        return new AmountsView(t.claimedFen(), t.awardedFen(), t.recoveredFen(), t.warnings(), t.amounts().stream()
                .map(m -> new Amount(m.worker, m.kind, m.basis, m.amountFen, m.onDate, m.recordedAt)).toList(),
                t.workers().stream().map(w -> new WorkerAmounts(w.worker(), w.claimedFen(), w.awardedFen(),
                        w.recoveredFen(), w.warnings())).toList());
    }
}
