package org.yizhan.legalaid.rest;

import org.yizhan.kit.http.Params;

/** The {@code purpose} query parameter: why staff read a confidential record, kept in the audit log. */
public final class Purpose {

    /** The longest purpose (the audit log's column). */
    public static final int MAX_LENGTH = 300;

    private Purpose() {
    }

    /** The purpose given, stripped; null when absent; a 400 naming {@code purpose} when too long. */
    public static String of(String text) {
        Params params = new Params();
        String purpose = params.text("purpose", text, MAX_LENGTH);
        params.throwIfAny();
        return purpose;
    }
}
