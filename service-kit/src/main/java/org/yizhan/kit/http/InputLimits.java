package org.yizhan.kit.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.yizhan.kit.problem.FieldErrors;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * Input that Java reads but PostgreSQL cannot store is refused with a 400 naming the parameter or
 * field, instead of failing in the query as a 500:
 * <ul>
 *   <li>the NUL character (U+0000) in query parameters, the path and JSON strings (PostgreSQL text
 *       cannot hold it, and no client has a reason to send it);</li>
 *   <li>dates and instants in JSON outside the years 1 to 9999 ({@code +999999999-12-31}, or a
 *       date sent as a huge epoch-day number); {@link Params} applies the same years to parameters.</li>
 * </ul>
 * JSON values are read as they are typed, so that a client's mistake is named rather than guessed at:
 * a number or boolean for a text field, a text for a number or boolean, a fraction for a whole number
 * and a number for an enum (its position in a Java declaration) are each a 400 naming the field.
 */
@Singleton
public class InputLimits implements ObjectMapperCustomizer {

    public static final String NUL_ZH = "不能包含 NUL 字符 (U+0000)";
    public static final String NUL_EN = "must not contain the NUL character (U+0000)";
    public static final String YEARS_ZH = "年份必须在 " + Params.MIN_YEAR + " 至 " + Params.MAX_YEAR + " 之间";
    public static final String YEARS_EN = "must be in the years " + Params.MIN_YEAR + " to " + Params.MAX_YEAR;

    @ServerRequestFilter(preMatching = true)
    public void checkParameters(UriInfo uri) {
        FieldErrors errors = new FieldErrors();
        if (uri.getPath(true).indexOf('\0') >= 0) {
            errors.add("path", NUL_ZH + " / " + NUL_EN);
        }
        for (Map.Entry<String, List<String>> parameter : uri.getQueryParameters(true).entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0
                    || parameter.getValue().stream().anyMatch(v -> v != null && v.indexOf('\0') >= 0)) {
                errors.add(parameter.getKey().replace("\0", ""), NUL_ZH + " / " + NUL_EN);
            }
        }
        errors.throwIfAny();
    }

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("yizhan-input-limits");
        module.addDeserializer(String.class, new Strings());
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                boolean time = type == LocalDate.class || type == Instant.class || type == OffsetDateTime.class
                        || type == ZonedDateTime.class;
                return time ? new Years(deserializer) : deserializer;
            }
        });
        mapper.registerModule(module);
        for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    }

    /**
     * The message for a JSON field this class refused, in the asked language ({@code zh} true:
     * Chinese), or null when {@code originalMessage} is not one of ours.
     */
    public static String messageOf(String originalMessage, boolean zh) {
        if (NUL_EN.equals(originalMessage)) {
            return zh ? NUL_ZH : NUL_EN;
        }
        if (YEARS_EN.equals(originalMessage)) {
            return zh ? YEARS_ZH : YEARS_EN;
        }
        return null;
    }

    /** JSON strings, refused when they hold U+0000. */
    static final class Strings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (text != null && text.indexOf('\0') >= 0) {
                throw InvalidFormatException.from(parser, NUL_EN, "\\u0000", String.class);
            }
            return text;
        }
    }

    /** Dates and instants, refused outside the years a database stores. */
    static final class Years extends DelegatingDeserializer {

        Years(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Years(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            LocalDate date = null;
            if (value instanceof LocalDate d) {
                date = d;
            } else if (value instanceof Instant i) {
                date = LocalDate.ofInstant(i, ZoneOffset.UTC);
            } else if (value instanceof OffsetDateTime t) {
                date = t.toLocalDate();
            } else if (value instanceof ZonedDateTime z) {
                date = z.toLocalDate();
            }
            if (date != null && (date.getYear() < Params.MIN_YEAR || date.getYear() > Params.MAX_YEAR)) {
                throw InvalidFormatException.from(parser, YEARS_EN, String.valueOf(value), value.getClass());
            }
            return value;
        }
    }
}
