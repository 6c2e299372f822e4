package org.yizhan.kit.http;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TypedParamConvertersTest {

    @SuppressWarnings("unused")
    void resource(@QueryParam("limit") int limit, @QueryParam("lat") Double lat, @HeaderParam("X-Count") Long count,
                  @QueryParam("station") UUID station, @PathParam("id") UUID id, @QueryParam("q") String q,
                  @QueryParam("replayed") Boolean replayed) {
    }

    private static ParamConverter<?> converterOf(int index) throws NoSuchMethodException {
        Method method = TypedParamConvertersTest.class.getDeclaredMethod("resource", int.class, Double.class,
                Long.class, UUID.class, UUID.class, String.class, Boolean.class);
        Parameter p = method.getParameters()[index];
        return new TypedParamConverters().getConverter(p.getType(), p.getParameterizedType(), p.getAnnotations());
    }

    @Test
    void validValuesMeanWhatTheyMeant() throws Exception {
        assertEquals(20, converterOf(0).fromString("20"));
        assertEquals(-3, converterOf(0).fromString("-3"));
        assertEquals(39.73, converterOf(1).fromString("39.73"));
        assertEquals(1.5e3, converterOf(1).fromString("1.5e3"));
        assertEquals(7L, converterOf(2).fromString("7"));
        UUID id = UUID.randomUUID();
        assertEquals(id, converterOf(3).fromString(id.toString()));
        assertNull(converterOf(0).fromString(null));
        assertEquals(true, converterOf(6).fromString("true"));
        assertEquals(false, converterOf(6).fromString("FALSE"));
    }

    @Test
    void malformedValuesAreA400NamingTheParameter() throws Exception {
        for (String bad : new String[]{"abc", "", "1.5", "٣", "+1", "2147483648", "0x10", "1_000"}) {
            InvalidParameterException e = assertThrows(InvalidParameterException.class,
                    () -> converterOf(0).fromString(bad), bad);
            assertEquals("limit", e.parameter());
            assertEquals(400, e.getResponse().getStatus());
        }
        for (String bad : new String[]{"x", "NaN", "Infinity", "1e309", "-1e309", ".5", "1.", "0x1p3", "1d"}) {
            assertEquals("lat", assertThrows(InvalidParameterException.class,
                    () -> converterOf(1).fromString(bad), bad).parameter());
        }
        assertEquals("X-Count", assertThrows(InvalidParameterException.class,
                () -> converterOf(2).fromString("many")).parameter());
        for (String bad : new String[]{"x", "yes", "1", ""}) {
            assertEquals("replayed", assertThrows(InvalidParameterException.class,
                    () -> converterOf(6).fromString(bad), bad).parameter());
        }
        assertEquals("station", assertThrows(InvalidParameterException.class,
                () -> converterOf(3).fromString("not-an-id")).parameter());
    }

    @Test
    void pathParametersAndTextAreLeftToJaxRs() throws Exception {
        assertNull(converterOf(4));
        assertNull(converterOf(5));
    }
}
