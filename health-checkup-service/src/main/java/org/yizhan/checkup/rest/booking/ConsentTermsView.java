package org.yizhan.checkup.rest.booking;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.checkup.service.booking.ConsentTerms;

import java.util.List;

/** The terms a worker consents to before booking. */
@Schema(name = "ConsentTerms")
public record ConsentTermsView(
        @Schema(required = true, maxLength = 20) String version,
        @Schema(required = true, description = "The clinics that receive the worker's name and phone", maxItems = 50)
        List<@Size(max = 64) String> sharedWith,
        @Schema(required = true, maxLength = 500) String purpose,
        @Schema(required = true, description = "Days after the campaign ends until name and phone are deleted",
                minimum = "1", maximum = "3650") int retentionDaysAfterCampaign) {

    public static ConsentTermsView of(ConsentTerms t) {
        return new ConsentTermsView(t.version(), t.sharedWith(), t.purpose(), t.retentionDaysAfterCampaign());
    }
}
