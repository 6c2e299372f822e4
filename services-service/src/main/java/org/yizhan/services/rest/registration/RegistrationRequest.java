package org.yizhan.services.rest.registration;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.events.Occupation;

/** A worker's sign-up: the occupation they work in (the activity must be open to it). */
@Schema(example = "{\"occupation\":\"COURIER\"}")
public record RegistrationRequest(@NotNull Occupation occupation) {
}
