package org.yizhan.legalaid.rest.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What material an application still needs. */
@Schema(name = "SupplementRequest")
public record SupplementRequestBody(
        @NotBlank @Size(min = 2, max = 500)
        @Schema(required = true, description = "Stored encrypted", minLength = 2, maxLength = 500,
                example = "请补充 2026 年 8 月、9 月的工资流水和考勤截图") String note) {
}
