package org.yizhan.localstack;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LocalStackTest {

    @Test
    void upRunsOneInstanceOfEachServiceUnlessToldOtherwise() {
        assertEquals(1, LocalStack.instances(new String[0]));
        assertEquals(2, LocalStack.instances(new String[] {"--instances", "2"}));
        assertEquals(9, LocalStack.instances(new String[] {"--instances", "9"}));
    }

    @Test
    void aBadInstanceCountIsRefused() {
        for (String[] args : new String[][] {{"--instances"}, {"--instances", "0"}, {"--instances", "10"},
                {"--instances", "two"}, {"--replicas", "2"}}) {
            assertThrows(IllegalArgumentException.class, () -> LocalStack.instances(args), String.join(" ", args));
        }
    }
}
