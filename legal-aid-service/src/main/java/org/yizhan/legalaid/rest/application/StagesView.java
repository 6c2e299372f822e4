package org.yizhan.legalaid.rest.application;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.legalaid.domain.application.CaseStage;

import java.time.LocalDate;
import java.util.List;

/** The stages of a case, in their order, and the current (latest) one. */
@Schema(name = "CaseStages")
public record StagesView(
        @Schema(description = "The latest stage recorded (absent before the first)") CaseStage.Stage currentStage,
        @Schema(required = true, maxItems = 5) List<StageView> stages) {

    /** One stage. */
    @Schema(name = "CaseStage")
    public record StageView(
            @Schema(required = true) CaseStage.Stage stage,
            @Schema(required = true) LocalDate startedOn,
            @Schema(description = "Absent while the stage goes on") LocalDate endedOn,
            @Schema(description = "How it ended (with endedOn)") CaseStage.Outcome outcome) {
    }

    public static StagesView of(List<CaseStage> stages) {
        return new StagesView(stages.isEmpty() ? null : stages.get(stages.size() - 1).stage, stages.stream()
                .map(s -> new StageView(s.stage, s.startedOn, s.endedOn, s.outcome)).toList());
    }
}
