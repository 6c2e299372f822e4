package org.yizhan.kit.problem;

/** The problem types every service shares, with their titles in Chinese and English. */
public enum ProblemType {
    VALIDATION(400, "validation", "请求参数不合法", "The request is not valid"),
    MALFORMED_JSON(400, "malformed-json", "请求体不是合法的 JSON", "The request body is not valid JSON"),
    UNAUTHORIZED(401, "unauthorized", "需要有效的身份令牌", "A valid bearer token is required"),
    FORBIDDEN(403, "forbidden", "无权执行此操作", "You are not allowed to do this"),
    NOT_FOUND(404, "not-found", "资源不存在", "The resource does not exist"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "不支持该请求方法", "This method is not allowed here"),
    NOT_ACCEPTABLE(406, "not-acceptable", "无法提供所要求的响应格式", "The requested response format is not available"),
    CONFLICT(409, "conflict", "与现有数据冲突", "The request conflicts with existing data"),
    PRECONDITION_FAILED(412, "precondition-failed", "资源已被修改，请刷新后重试", "The resource changed meanwhile; reload and retry"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "不支持该请求体格式", "This request body format is not supported"),
    UNPROCESSABLE(422, "unprocessable", "请求无法处理", "The request cannot be processed"),
    PRECONDITION_REQUIRED(428, "precondition-required", "需要 If-Match 请求头", "An If-Match header is required"),
    INTERNAL(500, "internal-error", "服务器内部错误", "Internal server error"),
    UNAVAILABLE(503, "unavailable", "服务暂时不可用", "The service is temporarily unavailable");

    private final int status;
    private final String slug;
    private final String titleZh;
    private final String titleEn;

    ProblemType(int status, String slug, String titleZh, String titleEn) {
        this.status = status;
        this.slug = slug;
        this.titleZh = titleZh;
        this.titleEn = titleEn;
    }

    public int status() {
        return status;
    }

    public String uri() {
        return Problem.TYPE_PREFIX + slug;
    }

    public String title(Language language) {
        return language == Language.EN ? titleEn : titleZh;
    }

    /** The generic type for an HTTP status that has no more specific one. */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && type != MALFORMED_JSON) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : VALIDATION;
    }
}
