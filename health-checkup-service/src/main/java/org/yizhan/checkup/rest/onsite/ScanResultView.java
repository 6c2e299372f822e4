package org.yizhan.checkup.rest.onsite;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.checkup.service.onsite.ScanOutcome;

import java.util.List;
import java.util.UUID;

/** One outcome per uploaded scan, in the order of the upload. */
@Schema(name = "ScanResult")
public record ScanResultView(@Schema(required = true, maxItems = ScanUpload.MAX_SCANS) List<Item> outcomes) {

    @Schema(name = "ScanOutcome")
    public record Item(
            @Schema(required = true, minimum = "0", maximum = "499", description = "Index of the scan in the upload")
            int index,
            @Schema(required = true) ScanOutcome.Result result,
            @Schema(description = "Why a scan was rejected") ScanOutcome.Reason reason,
            @Schema(description = "The appointment the pass is for, when it could be read and is this clinic's")
            UUID appointmentId) {
    }

    static ScanResultView of(List<ScanOutcome> outcomes) {
        return new ScanResultView(outcomes.stream()
                .map(o -> new Item(o.index(), o.result(), o.reason(), o.appointmentId())).toList());
    }
}
