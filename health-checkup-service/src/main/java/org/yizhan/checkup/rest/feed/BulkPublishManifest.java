package org.yizhan.checkup.rest.feed;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** The SMART Scheduling Links manifest ({@code $bulk-publish}): where the Location, Schedule and Slot files are. */
@Schema(description = "SMART Scheduling Links bulk publication manifest")
public record BulkPublishManifest(
        @Schema(description = "When this data set was computed") Instant transactionTime,
        @Schema(description = "The full URL of this manifest", maxLength = 2000) String request,
        @Schema(maxItems = 10) List<Output> output,
        @Schema(description = "Always empty", maxItems = 0) List<Output> error) {

    /** One NDJSON file of the data set. */
    public record Output(
            @Schema(enumeration = {"Location", "Schedule", "Slot"}, maxLength = 8) String type,
            @Schema(description = "The full URL of the NDJSON file", maxLength = 2000) String url) {
    }
}
