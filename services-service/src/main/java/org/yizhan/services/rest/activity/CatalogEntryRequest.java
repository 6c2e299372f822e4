package org.yizhan.services.rest.activity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new activity type or partner: its code and its names. */
@Schema(example = "{\"code\":\"FREE_MASSAGE\",\"nameZh\":\"中医推拿\",\"nameEn\":\"Traditional massage\"}")
public record CatalogEntryRequest(@NotBlank @Size(max = 40) String code,
                                  @NotBlank @Size(max = 60) String nameZh,
                                  @NotBlank @Size(max = 80) String nameEn) {
}
