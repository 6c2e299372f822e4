package org.yizhan.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An RFC 9457 problem detail, the body of every error response. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem detail")
public record Problem(
        @Schema(description = "Stable identifier of the problem type", example = "urn:yizhan:problem:validation")
        String type,
        @Schema(description = "Short summary of the problem type", example = "请求参数不合法")
        String title,
        @Schema(description = "HTTP status", example = "400")
        int status,
        @Schema(description = "What went wrong in this request")
        String detail,
        @Schema(description = "Path of the request", example = "/api/v1/stations")
        String instance,
        @Schema(description = "One entry per invalid field")
        List<FieldError> errors) {

    /** Media type of problem bodies. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** Prefix of every problem type. */
    public static final String TYPE_PREFIX = "urn:yizhan:problem:";

    /** One invalid field: its JSON path and what is wrong with it. */
    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(example = "location.latitude") String field,
            @Schema(example = "必须在 -90 到 90 之间") String message) {
    }
}
