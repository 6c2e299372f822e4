package org.yizhan.legalaid.rest.consultation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.kit.problem.FieldErrors;
import org.yizhan.legalaid.domain.consultation.ConsultationCategory;
import org.yizhan.legalaid.domain.consultation.ConsultationChannel;
import org.yizhan.legalaid.service.consultation.NewConsultation;

import java.util.UUID;

/** A legal question. ONLINE: neither station nor session; SESSION: sessionId; STATION: stationId. */
@Schema(name = "ConsultationRequest")
public record ConsultationRequest(
        @NotNull @Schema(required = true) ConsultationCategory category,
        @NotNull @Schema(required = true) ConsultationChannel channel,
        @Schema(description = "For channel STATION") UUID stationId,
        @Schema(description = "For channel SESSION: the lawyer's duty session") UUID sessionId,
        @NotBlank @Size(min = 5, max = MAX_QUESTION)
        @Schema(required = true, description = "Stored encrypted; only the asker and the people who may see the "
                + "consultation read it", minLength = 5, maxLength = MAX_QUESTION,
                example = "平台拖欠我两个月工资，共 8600 元，该怎么办？") String question,
        @Size(max = 255) @Pattern(regexp = "^[A-Za-z0-9._:@|-]+$", message = "只能含字母、数字和 . _ : @ | - / letters, digits and . _ : @ | - only")
        @Schema(description = "Union staff only, and then required: the worker's account id (the subject of their "
                + "token, shown in their app), stored only as a pseudonym", maxLength = 255, example = "rider-42")
        String onBehalfOf) {

    static final int MAX_QUESTION = 2000;

    void checkRules(FieldErrors errors) {
        if (channel == null) {
            return;
        }
        if (channel == ConsultationChannel.SESSION ? sessionId == null : sessionId != null) {
            errors.add("sessionId", channel == ConsultationChannel.SESSION ? "值班咨询须给出 sessionId / required for SESSION"
                    : "只用于值班咨询 / only for channel SESSION");
        }
        if (channel == ConsultationChannel.STATION ? stationId == null : stationId != null) {
            errors.add("stationId", channel == ConsultationChannel.STATION ? "站点咨询须给出 stationId / required for STATION"
                    : "只用于站点咨询 / only for channel STATION");
        }
    }

    NewConsultation toNew() {
        return new NewConsultation(category, channel, stationId, sessionId, question.strip(), onBehalfOf);
    }
}
