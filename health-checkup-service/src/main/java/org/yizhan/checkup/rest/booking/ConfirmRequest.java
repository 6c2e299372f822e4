package org.yizhan.checkup.rest.booking;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The worker's consent to the campaign's terms, which confirms the held place. */
@Schema(name = "ConfirmRequest")
public record ConfirmRequest(
        @NotBlank @Size(max = 20)
        @Schema(description = "The version of the terms read from /campaigns/{id}/consent", maxLength = 20,
                example = "3f2a9c1e.1") String consentVersion,
        @NotNull @AssertTrue @Schema(description = "Must be true: the worker agrees to the terms") Boolean agree) {
}
