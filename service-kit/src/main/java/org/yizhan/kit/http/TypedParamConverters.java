package org.yizhan.kit.http;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Query and header parameters declared as numbers, booleans or ids ({@code @QueryParam("limit") int
 * limit}) that a client sends malformed ({@code limit=abc}, {@code lat=x}) answer 400 naming the
 * parameter. Left to JAX-RS, a query parameter that does not convert is a 404 without a body
 * (Jakarta REST 4.0, section 3.2), which sends a client looking for a resource that is there.
 * Numbers must be written with the digits 0–9 as JSON writes them (no NaN, Infinity or other
 * scripts' digits, which {@code valueOf} would take) and be finite; ids are read by
 * {@code UUID.fromString} as before. Path parameters keep their 404 (no such resource).
 */
@Provider
public class TypedParamConverters implements ParamConverterProvider {

    private static final String WHOLE = "必须是整数 / must be a whole number";
    private static final String NUMBER = "必须是数 / must be a number";
    private static final String ID = "必须是 UUID / must be a UUID";
    private static final String TRUTH = "必须是 true 或 false / must be true or false";

    /** Digits 0–9 only: {@code Integer.valueOf} would also take other scripts' digits ("٣"). */
    private static final Pattern WHOLE_TEXT = Pattern.compile("-?[0-9]{1,19}");
    /** A decimal as JSON writes it: no NaN, Infinity, hexadecimal or type suffixes. */
    private static final Pattern NUMBER_TEXT = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]{1,3})?");

    private record Conversion(Function<String, ?> parse, String reason) {
    }

    private static Function<String, ?> whole(Function<String, ?> parse) {
        return text -> {
            if (!WHOLE_TEXT.matcher(text).matches()) {
                throw new NumberFormatException();
            }
            return parse.apply(text);
        };
    }

    private static Function<String, ?> number(Function<String, ? extends Number> parse) {
        return text -> {
            if (!NUMBER_TEXT.matcher(text).matches()) {
                throw new NumberFormatException();
            }
            Number value = parse.apply(text);
            if (!Double.isFinite(value.doubleValue())) {
                throw new NumberFormatException();
            }
            return value;
        };
    }

    private static final Map<Class<?>, Conversion> CONVERSIONS = Map.ofEntries(
            Map.entry(int.class, new Conversion(whole(Integer::valueOf), WHOLE)),
            Map.entry(Integer.class, new Conversion(whole(Integer::valueOf), WHOLE)),
            Map.entry(long.class, new Conversion(whole(Long::valueOf), WHOLE)),
            Map.entry(Long.class, new Conversion(whole(Long::valueOf), WHOLE)),
            Map.entry(short.class, new Conversion(whole(Short::valueOf), WHOLE)),
            Map.entry(Short.class, new Conversion(whole(Short::valueOf), WHOLE)),
            Map.entry(double.class, new Conversion(number(Double::valueOf), NUMBER)),
            Map.entry(Double.class, new Conversion(number(Double::valueOf), NUMBER)),
            Map.entry(float.class, new Conversion(number(Float::valueOf), NUMBER)),
            Map.entry(boolean.class, new Conversion(TypedParamConverters::truth, TRUTH)),
            Map.entry(Boolean.class, new Conversion(TypedParamConverters::truth, TRUTH)),
            Map.entry(UUID.class, new Conversion(UUID::fromString, ID)));

    /** {@code true} or {@code false} in any case; {@code Boolean.valueOf} would read anything else as false. */
    private static Boolean truth(String text) {
        if (text.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (text.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException();
    }

    @Override
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        Conversion conversion = CONVERSIONS.get(rawType);
        String name = nameOf(annotations);
        if (conversion == null || name == null) {
            return null;
        }
        return new ParamConverter<>() {
            @Override
            @SuppressWarnings("unchecked")
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return (T) conversion.parse().apply(value);
                } catch (IllegalArgumentException e) {
                    throw new InvalidParameterException(name, conversion.reason());
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }

    private static String nameOf(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
            if (a instanceof HeaderParam h) {
                return h.value();
            }
        }
        return null;
    }
}
