package org.yizhan.legalaid.rest.application;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** A registered lawyer to assign to a case. */
@Schema(name = "AssignmentRequest")
public record AssignmentRequest(@NotNull @Schema(required = true) UUID lawyerId) {
}
