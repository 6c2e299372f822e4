package org.yizhan.kit.testapp;

import java.util.UUID;

/** kittest.noted events as another service would publish them to {@link TestNoteHandler#TOPIC}. */
public final class TestNotes {

    /** The test application's dead-letter topic. */
    public static final String DEAD_LETTERS = "yizhan.dlq.kit-test";

    private TestNotes() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** A note the handler applies. */
    public static String note(String eventId, String text) {
        return event(eventId, text, false, false, false);
    }

    /** A note the handler refuses as a contract violation. */
    public static String poison(String eventId, String text) {
        return event(eventId, text, true, false, false);
    }

    /** A note the handler refuses until its text is fixed. */
    public static String needingFix(String eventId, String text) {
        return event(eventId, text, false, true, false);
    }

    /** A note on which the handler fails with an error of no known kind. */
    public static String failingUnknown(String eventId, String text) {
        return event(eventId, text, false, false, true);
    }

    private static String event(String eventId, String text, boolean poison, boolean needsFix, boolean unknown) {
        return """
                {"specversion":"1.0","id":"%s","source":"/yizhan/another-service","type":"kittest.noted",
                 "subject":"%s","time":"2026-12-01T08:00:00Z","datacontenttype":"application/json",
                 "data":{"text":"%s","poison":%s,"needsFix":%s,"unknownFailure":%s}}
                """.formatted(eventId, text, text, poison, needsFix, unknown);
    }
}
