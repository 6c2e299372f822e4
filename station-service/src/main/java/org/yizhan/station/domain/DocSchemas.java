package org.yizhan.station.domain;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Schemas of plain values inside lists and maps (a list of strings, a map of counts), so that
 * the OpenAPI document can bound them too: a list's or map's annotation names one of these as
 * its items or values. No instances exist.
 */
public final class DocSchemas {

    private DocSchemas() {
    }

    /** A partner's code, e.g. YOUTH_LEAGUE. */
    @Schema(name = "PartnerCode", type = SchemaType.STRING, maxLength = FieldLimits.CODE, example = "YOUTH_LEAGUE")
    public static final class PartnerCode {
        private PartnerCode() {
        }
    }

    /** A photo's http(s) address. */
    @Schema(name = "PhotoUrl", type = SchemaType.STRING, format = "uri", maxLength = FieldLimits.PHOTO_URL,
            example = "https://img.example.org/yizhan/truck-station-1.jpg")
    public static final class PhotoUrl {
        private PhotoUrl() {
        }
    }

    /** A count. */
    @Schema(name = "Count", type = SchemaType.INTEGER, format = "int64", minimum = "0", maximum = FieldLimits.SUM_MAX)
    public static final class Count {
        private Count() {
        }
    }
}
