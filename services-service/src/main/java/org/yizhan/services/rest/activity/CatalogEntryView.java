package org.yizhan.services.rest.activity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.services.rest.ApiLimits;
import org.yizhan.services.domain.activity.ActivityType;
import org.yizhan.services.domain.activity.Partner;

/** An activity type or a partner department. */
public record CatalogEntryView(@Schema(maxLength = ApiLimits.CATALOG_CODE_MAX) String code,
                               @Schema(maxLength = ApiLimits.CATALOG_NAME_MAX) String nameZh,
                               @Schema(maxLength = ApiLimits.CATALOG_NAME_MAX) String nameEn,
                               Boolean builtin) {

    static CatalogEntryView of(ActivityType t) {
        return new CatalogEntryView(t.code, t.nameZh, t.nameEn, t.builtin);
    }

    static CatalogEntryView of(Partner p) {
        return new CatalogEntryView(p.code, p.nameZh, p.nameEn, null);
    }
}
