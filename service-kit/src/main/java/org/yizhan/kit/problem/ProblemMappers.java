package org.yizhan.kit.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.yizhan.kit.http.InputLimits;
import org.yizhan.kit.http.InvalidParameterException;
import org.yizhan.kit.inbox.Failures;
import org.yizhan.kit.validation.ViolationPaths;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns every failure of a REST call into an {@code application/problem+json} answer: bad input
 * gets 400 with one entry per invalid field, security failures 401/403, anything unexpected a
 * 500 with an error id. No stack trace or request data ever reaches the response or the log.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** What a 503 answer for an unavailable database asks the client to wait before trying again. */
    private static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpHeaders headers, UriInfo uri) {
        Language lang = language(headers);
        return respond(e.type(), e.detail(lang), uri, e.errors(), lang);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        Language lang = language(headers);
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(ViolationPaths.fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(ProblemType.VALIDATION, countDetail(errors.size(), lang), uri, errors, lang);
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e, HttpHeaders headers, UriInfo uri) {
        Language lang = language(headers);
        List<Problem.FieldError> errors = List.of(new Problem.FieldError(e.parameter(), e.reason()));
        return respond(ProblemType.VALIDATION, countDetail(1, lang), uri, errors, lang);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        return jsonProblem(e, language(headers), uri);
    }

    // Quarkus maps these two itself; naming them here makes ours win.
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, HttpHeaders headers, UriInfo uri) {
        return jsonProblem(e, language(headers), uri);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, HttpHeaders headers, UriInfo uri) {
        return jsonProblem(e, language(headers), uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, HttpHeaders headers, UriInfo uri) {
        return respond(ProblemType.UNAUTHORIZED, null, uri, List.of(), language(headers));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpHeaders headers, UriInfo uri) {
        return respond(ProblemType.UNAUTHORIZED, null, uri, List.of(), language(headers));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return respond(ProblemType.FORBIDDEN, null, uri, List.of(), language(headers));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        Language lang = language(headers);
        if (e.getCause() instanceof JsonProcessingException json) {
            return jsonProblem(json, lang, uri);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, headers, uri);
        }
        return respond(ProblemType.forStatus(status), null, uri, List.of(), lang);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpHeaders headers, UriInfo uri) {
        if (Failures.databaseUnavailable(e)) {
            // The database is away (restarting, failing over) or every connection is busy: the client
            // may try again shortly, and nothing was written. Not a defect: no error id.
            LOG.warnf("Database unavailable (%s) at %s", Failures.rootType(e), origin(e));
            Language lang = language(headers);
            return Response.fromResponse(respond(ProblemType.UNAVAILABLE, lang.pick("数据库暂时不可用，请稍后重试",
                            "The database is temporarily unavailable; try again shortly"), uri, List.of(), lang))
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf("Unexpected %s at %s (error id %s)", e.getClass().getName(), origin(e), errorId);
        Language lang = language(headers);
        return respond(ProblemType.INTERNAL, lang.pick("错误编号 " + errorId, "Error id " + errorId),
                uri, List.of(), lang);
    }

    private Response jsonProblem(JsonProcessingException e, Language lang, UriInfo uri) {
        if (e instanceof JsonParseException || !(e instanceof JsonMappingException mapping)) {
            return respond(ProblemType.MALFORMED_JSON, lang.pick("请检查 JSON 语法", "Check the JSON syntax"),
                    uri, List.of(), lang);
        }
        String field = pathOf(mapping);
        String message;
        if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            String allowed = Arrays.stream(format.getTargetType().getEnumConstants())
                    .map(String::valueOf).collect(Collectors.joining(", "));
            message = lang.pick("取值必须是以下之一：" + allowed, "must be one of: " + allowed);
        } else if (e instanceof InvalidFormatException format
                && InputLimits.messageOf(format.getOriginalMessage(), true) != null) {
            message = lang.pick(InputLimits.messageOf(format.getOriginalMessage(), true),
                    InputLimits.messageOf(format.getOriginalMessage(), false));
        } else if (e instanceof UnrecognizedPropertyException) {
            message = lang.pick("不认识的字段", "unknown field");
        } else if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            message = lang.pick("类型不正确，应为 " + typeName(mismatched.getTargetType()),
                    "wrong type, expected " + typeName(mismatched.getTargetType()));
        } else {
            message = lang.pick("取值不正确", "invalid value");
        }
        if (field.isEmpty()) {
            return respond(ProblemType.MALFORMED_JSON, message, uri, List.of(), lang);
        }
        List<Problem.FieldError> errors = List.of(new Problem.FieldError(field, message));
        return respond(ProblemType.VALIDATION, countDetail(1, lang), uri, errors, lang);
    }

    private static Response respond(ProblemType type, String detail, UriInfo uri,
                                    List<Problem.FieldError> errors, Language lang) {
        Problem body = new Problem(type.uri(), type.title(lang), type.status(), detail,
                uri == null ? null : uri.getRequestUri().getRawPath(), errors);
        return Response.status(type.status()).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private static Language language(HttpHeaders headers) {
        return headers == null ? Language.ZH : Language.fromAcceptLanguage(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    private static String countDetail(int count, Language lang) {
        return lang.pick(ProblemException.countZh(count), ProblemException.countEn(count));
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String typeName(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == String.class || type.isEnum()) {
            return "string";
        }
        if (Iterable.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        return "object";
    }

    /** Where the failure happened: the first frame of our own code, without the stack trace. */
    private static String origin(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith("org.yizhan.")) {
                return frame.getClassName() + ":" + frame.getLineNumber();
            }
        }
        return e.getStackTrace().length > 0 ? e.getStackTrace()[0].getClassName() : "unknown";
    }
}
