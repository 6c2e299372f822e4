package org.yizhan.legalaid.rest.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why the applicant objects to a rejection. */
@Schema(name = "AppealRequest")
public record AppealRequest(
        @NotBlank @Size(min = 5, max = 2000)
        @Schema(required = true, description = "Stored encrypted", minLength = 5, maxLength = 2000,
                example = "我是进城务工人员，申请支付劳动报酬，依法免予经济困难审查。") String grounds) {
}
