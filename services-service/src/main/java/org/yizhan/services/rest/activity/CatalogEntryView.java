package org.yizhan.services.rest.activity;

import org.yizhan.services.domain.activity.ActivityType;
import org.yizhan.services.domain.activity.Partner;

/** An activity type or a partner department. */
public record CatalogEntryView(String code, String nameZh, String nameEn, Boolean builtin) {

    static CatalogEntryView of(ActivityType t) {
        return new CatalogEntryView(t.code, t.nameZh, t.nameEn, t.builtin);
    }

    static CatalogEntryView of(Partner p) {
        return new CatalogEntryView(p.code, p.nameZh, p.nameEn, null);
    }
}
