package org.yizhan.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An RFC 9457 problem detail, the body of every error response. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem detail")
public record Problem(
        @Schema(description = "Stable identifier of the problem type", example = "urn:yizhan:problem:validation",
                format = "uri", maxLength = 200)
        String type,
        @Schema(description = "Short summary of the problem type", example = "请求参数不合法", maxLength = 200,
                pattern = "^[^<>]*$")
        String title,
        @Schema(description = "HTTP status", example = "400", minimum = "100", maximum = "599", format = "int32")
        int status,
        @Schema(description = "What went wrong in this request", maxLength = 2000, pattern = "^[^<>]*$")
        String detail,
        @Schema(description = "Path of the request", example = "/api/v1/stations", format = "uri-reference",
                maxLength = 2000)
        String instance,
        @Schema(description = "One entry per invalid field (the first " + Problem.MAX_ERRORS + " when there are more;"
                + " detail gives the count)", maxItems = Problem.MAX_ERRORS)
        List<FieldError> errors) {

    /** The most field errors one answer lists, so that a body with thousands of bad items gets a bounded answer. */
    public static final int MAX_ERRORS = 100;

    public Problem {
        if (errors != null && errors.size() > MAX_ERRORS) {
            errors = List.copyOf(errors.subList(0, MAX_ERRORS));
        }
    }

    /** Media type of problem bodies. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** Prefix of every problem type. */
    public static final String TYPE_PREFIX = "urn:yizhan:problem:";

    /** One invalid field: its JSON path and what is wrong with it. */
    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(example = "location.latitude", maxLength = 300, pattern = "^[^<>]*$") String field,
            @Schema(example = "必须在 -90 到 90 之间", maxLength = 1000, pattern = "^[^<>]*$") String message) {

        /**
         * Angle brackets become ‹ › and overlong texts are cut, so that no field error can carry
         * markup into a client (a Bean Validation message quotes its pattern, which may hold them).
         */
        public FieldError {
            field = plain(field, 300);
            message = plain(message, 1000);
        }

        private static String plain(String text, int max) {
            if (text == null) {
                return null;
            }
            String plain = text.replace('<', '‹').replace('>', '›');
            return plain.length() <= max ? plain : plain.substring(0, max);
        }
    }
}
