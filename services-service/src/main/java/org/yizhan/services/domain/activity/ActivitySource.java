package org.yizhan.services.domain.activity;

/** How an activity reached us: planned in the app, or pushed by a partner's own system. */
public enum ActivitySource {
    APP,
    PUSH
}
