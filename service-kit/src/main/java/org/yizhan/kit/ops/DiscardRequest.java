package org.yizhan.kit.ops;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of discarding a parked outbox message: why it will never be published. */
@Schema(name = "OutboxDiscard")
public record DiscardRequest(
        @NotBlank @Size(max = 500)
        @Schema(example = "超出消息大小上限，已通知站点重新编辑 / too large; the station will be edited again",
                maxLength = 500) String reason) {
}
