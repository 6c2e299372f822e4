package org.yizhan.overview;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How one part of a composed view fared. */
@Schema(description = "OK: the service answered and data holds its answer. UNAVAILABLE: the service could not be "
        + "reached or answered with an error (upstreamStatus says which). TIMEOUT: no answer within the part's "
        + "timeout.")
public enum PartStatus {
    OK,
    UNAVAILABLE,
    TIMEOUT
}
