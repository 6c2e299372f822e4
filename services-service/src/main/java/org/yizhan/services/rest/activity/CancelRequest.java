package org.yizhan.services.rest.activity;

import org.yizhan.services.service.activity.ActivityRules;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(example = "{\"reason\":\"暴雨预警，活动延期\"}")
public record CancelRequest(@NotBlank @Size(max = ActivityRules.CANCEL_REASON_MAX) String reason) {
}
