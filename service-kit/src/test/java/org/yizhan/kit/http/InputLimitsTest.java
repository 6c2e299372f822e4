package org.yizhan.kit.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** JSON bodies are read as they are typed: no number for a text, no text for a number, no ordinal for an enum. */
class InputLimitsTest {

    enum Colour { RED, GREEN }

    record Body(String text, Integer count, Long fen, Boolean flag, Colour colour, LocalDate day) {
    }

    private static ObjectMapper mapper() {
        ObjectMapper mapper = JsonMapper.builder().findAndAddModules().build();
        new InputLimits().customize(mapper);
        return mapper;
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"text\": 12}", "{\"text\": 1.5}", "{\"text\": true}", "{\"count\": \"12\"}",
            "{\"count\": 1.5}", "{\"fen\": \"100\"}", "{\"flag\": \"true\"}", "{\"flag\": 1}", "{\"colour\": 0}",
            "{\"text\": \"a\\u0000b\"}", "{\"day\": \"+999999-01-01\"}"})
    void aValueOfAnotherTypeIsRefused(String json) {
        assertThrows(MismatchedInputException.class, () -> mapper().readValue(json, Body.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"text\": \"12\", \"count\": 12, \"fen\": 100, \"flag\": true, \"colour\": \"GREEN\","
            + " \"day\": \"2026-10-01\"}"})
    void valuesOfTheirOwnTypeAreRead(String json) throws Exception {
        assertEquals(new Body("12", 12, 100L, true, Colour.GREEN, LocalDate.of(2026, 10, 1)),
                mapper().readValue(json, Body.class));
    }
}
