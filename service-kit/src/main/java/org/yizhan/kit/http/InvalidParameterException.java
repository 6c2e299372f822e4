package org.yizhan.kit.http;

import jakarta.ws.rs.BadRequestException;

/**
 * A query or header parameter whose text is not of its declared type; the kit's problem mappers
 * answer it with a 400 naming {@link #parameter()}. A {@link BadRequestException}, so that
 * RESTEasy Reactive passes it on as it is instead of wrapping it into a 404.
 */
public class InvalidParameterException extends BadRequestException {

    private final String parameter;
    private final String reason;

    public InvalidParameterException(String parameter, String reason) {
        super(parameter + ": " + reason);
        this.parameter = parameter;
        this.reason = reason;
    }

    /** The parameter's name as the client sent it. */
    public String parameter() {
        return parameter;
    }

    /** What the value must be, in Chinese and English ({@code "必须是整数 / must be a whole number"}). */
    public String reason() {
        return reason;
    }
}
