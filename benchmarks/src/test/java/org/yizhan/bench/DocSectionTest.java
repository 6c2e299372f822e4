package org.yizhan.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DocSectionTest {

    private static final String NAME = "org.yizhan.bench.Example";

    @Test
    void onlyTheTextBetweenTheMarkersIsReplaced() {
        String doc = "# Title\n\nintro\n\n" + DocSection.begin(NAME) + "\nold table\nold note\n" + DocSection.end(NAME)
                + "\n\n## Next\n";
        String once = DocSection.replace(doc, NAME, "new table");
        assertEquals("# Title\n\nintro\n\n" + DocSection.begin(NAME) + "\nnew table\n" + DocSection.end(NAME)
                + "\n\n## Next\n", once);
        assertEquals(once, DocSection.replace(once, NAME, "new table\n"));
    }

    @Test
    void missingRepeatedOrReversedMarkersAreRefused() {
        String begin = DocSection.begin(NAME);
        String end = DocSection.end(NAME);
        assertThrows(IllegalArgumentException.class, () -> DocSection.replace("no markers", NAME, "x"));
        assertThrows(IllegalArgumentException.class, () -> DocSection.replace(end + "\n" + begin, NAME, "x"));
        assertThrows(IllegalArgumentException.class,
                () -> DocSection.replace(begin + end + begin + end, NAME, "x"));
        assertThrows(IllegalArgumentException.class, () -> DocSection.replace(begin + "\n", NAME, "x"));
    }
}
