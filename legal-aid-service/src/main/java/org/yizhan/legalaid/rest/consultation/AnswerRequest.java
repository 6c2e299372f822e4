package org.yizhan.legalaid.rest.consultation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a consultation. */
@Schema(name = "AnswerRequest")
public record AnswerRequest(
        @NotBlank @Size(min = 2, max = 4000)
        @Schema(required = true, description = "Stored encrypted", minLength = 2, maxLength = 4000,
                example = "可先向劳动保障监察大队投诉，并准备工资流水和聊天记录；也可申请劳动仲裁，法律援助免费代理。")
        String answer) {
}
