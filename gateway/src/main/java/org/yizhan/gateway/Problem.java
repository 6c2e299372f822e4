package org.yizhan.gateway;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

import java.util.Locale;

/**
 * An RFC 9457 problem that the gateway itself answers with, in Chinese and English.
 *
 * @param slug    last part of the stable {@code type} URI
 * @param status  HTTP status
 * @param titleZh short Chinese summary, the same for every occurrence of the type
 * @param titleEn short English summary
 * @param detailZh Chinese explanation of this occurrence
 * @param detailEn English explanation of this occurrence
 */
public record Problem(String slug, int status, String titleZh, String titleEn, String detailZh, String detailEn) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:yizhan:problem:";

    public static Problem badGateway(String upstream) {
        return new Problem("bad-gateway", 502, "上游服务不可用", "Bad gateway",
                "网关无法连接上游服务 " + upstream + "，或连接在响应前中断。请稍后重试。",
                "The gateway could not reach " + upstream + ", or the connection broke before it answered. Please retry later.");
    }

    public static Problem gatewayTimeout(String upstream, long seconds) {
        return new Problem("gateway-timeout", 504, "上游服务响应超时", "Gateway timeout",
                "上游服务 " + upstream + " 未在 " + seconds + " 秒内响应。请稍后重试。",
                upstream + " did not answer within " + seconds + " s. Please retry later.");
    }

    public static Problem connectTimeout(String upstream, long seconds) {
        return new Problem("gateway-timeout", 504, "上游服务响应超时", "Gateway timeout",
                "网关未能在 " + seconds + " 秒内连接上游服务 " + upstream + "。请稍后重试。",
                "The gateway could not connect to " + upstream + " within " + seconds + " s. Please retry later.");
    }

    public static Problem notFound() {
        return new Problem("not-found", 404, "资源不存在", "Not found",
                "网关没有与此路径对应的服务。",
                "No service behind the gateway serves this path.");
    }

    public static Problem unauthorized() {
        return new Problem("unauthorized", 401, "未认证", "Unauthorized",
                "此请求需要有效的访问令牌（Authorization: Bearer）；令牌缺失、已过期或签名无效。",
                "This request needs a valid bearer token (Authorization: Bearer); it is missing, expired or badly signed.");
    }

    public static Problem forbidden() {
        return new Problem("forbidden", 403, "无权访问", "Forbidden",
                "当前身份无权执行此操作。",
                "The authenticated identity is not allowed to do this.");
    }

    public static Problem payloadTooLarge(long maxBytes) {
        String limit = maxBytes >= 1024 * 1024 ? (maxBytes / (1024 * 1024)) + " MiB" : maxBytes + " bytes";
        return new Problem("payload-too-large", 413, "请求体过大", "Payload too large",
                "请求体超过网关允许的上限（" + limit + "）。",
                "The request body exceeds the gateway's limit of " + limit + ".");
    }

    public static Problem requestTimeout(long seconds) {
        return new Problem("request-timeout", 408, "请求体超时", "Request timeout",
                "请求体未在 " + seconds + " 秒内完整送达，连接已关闭。",
                "The request body did not arrive in full within " + seconds + " s; the connection is closed.");
    }

    public static Problem tooManyRequests(String routeClass, long retryAfterSeconds) {
        return new Problem("too-many-requests", 429, "请求过于频繁", "Too many requests",
                "此客户端的 " + routeClass + " 类请求已达到网关的速率上限，请在 " + retryAfterSeconds + " 秒后重试。",
                "This client has used up its rate limit for " + routeClass + " requests; retry in "
                        + retryAfterSeconds + " s.");
    }

    public static Problem circuitOpen(String upstream, long retryAfterSeconds) {
        return new Problem("service-unavailable", 503, "上游服务暂不可用", "Service unavailable",
                "上游服务 " + upstream + " 近期多次无法响应，网关暂停转发，请在 " + retryAfterSeconds + " 秒后重试。",
                upstream + " failed repeatedly; the gateway has stopped forwarding to it for now. Retry in "
                        + retryAfterSeconds + " s.");
    }

    public static Problem noInstanceInRotation(String upstream, long retryAfterSeconds) {
        return new Problem("service-unavailable", 503, "上游服务暂不可用", "Service unavailable",
                "上游服务 " + upstream + " 暂无就绪的实例，请在 " + retryAfterSeconds + " 秒后重试。",
                "No instance of " + upstream + " is ready now. Retry in " + retryAfterSeconds + " s.");
    }

    public static Problem documentUnavailable(String upstream) {
        return new Problem("service-unavailable", 503, "上游服务暂不可用", "Service unavailable",
                "暂时无法从 " + upstream + " 取得其接口文档，请稍后重试。",
                "The API document of " + upstream + " cannot be fetched now. Please retry later.");
    }

    public static Problem internalError() {
        return new Problem("internal-error", 500, "网关内部错误", "Internal gateway error",
                "网关处理请求时出错，请稍后重试。",
                "The gateway failed to handle the request. Please retry later.");
    }

    /** The stable {@code type} URI. */
    public String type() {
        return TYPE_PREFIX + slug;
    }

    /** The JSON body, in English when {@code english}, else in Chinese. */
    public Buffer toJson(boolean english, String instance) {
        return new JsonObject()
                .put("type", type())
                .put("title", english ? titleEn : titleZh)
                .put("status", status)
                .put("detail", english ? detailEn : detailZh)
                .put("instance", instance)
                .toBuffer();
    }

    /** Chinese is the default; a client whose preferred language is English gets English. */
    public static boolean prefersEnglish(HttpServerRequest request) {
        String header = request.getHeader("Accept-Language");
        return header != null && header.trim().toLowerCase(Locale.ROOT).startsWith("en");
    }

    /** The {@code Content-Language} that goes with {@link #toJson(boolean, String)}. */
    public static String contentLanguage(boolean english) {
        return english ? "en" : "zh-CN";
    }
}
