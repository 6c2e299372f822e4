package org.yizhan.services.rest.activity;

import org.yizhan.services.rest.ApiLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new activity type or partner: its code and its names. */
@Schema(example = "{\"code\":\"FREE_MASSAGE\",\"nameZh\":\"中医推拿\",\"nameEn\":\"Traditional massage\"}")
public record CatalogEntryRequest(@NotBlank @Size(max = ApiLimits.CATALOG_CODE_MAX) String code,
                                  @NotBlank @Size(max = ApiLimits.CATALOG_NAME_ZH_MAX) String nameZh,
                                  @NotBlank @Size(max = ApiLimits.CATALOG_NAME_EN_MAX) String nameEn) {
}
