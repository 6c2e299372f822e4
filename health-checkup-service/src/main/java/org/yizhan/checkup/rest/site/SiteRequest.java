package org.yizhan.checkup.rest.site;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.checkup.domain.site.SiteKind;
import org.yizhan.checkup.rest.campaign.CampaignRequest;
import org.yizhan.checkup.service.site.NewSite;
import org.yizhan.kit.geo.GeoPoint;
import org.yizhan.kit.problem.FieldErrors;

import java.util.UUID;

/** A site to add to a campaign. */
@Schema(name = "SiteRequest", description = "STATION: give stationId (name, address and position come from the "
        + "station). CLINIC: give name, address, latitude and longitude (WGS-84).")
public record SiteRequest(
        @NotNull SiteKind kind,
        @NotNull @Size(max = MAX_CLINIC) @Pattern(regexp = CampaignRequest.CLINIC_CODE)
        @Schema(description = "The examining clinic: one of the campaign's clinics", maxLength = MAX_CLINIC,
                example = "daxing-district-hospital")
        String clinic,
        UUID stationId,
        @Size(max = MAX_NAME) @Schema(maxLength = MAX_NAME, example = "大兴区人民医院体检中心") String name,
        @Size(max = MAX_ADDRESS) @Schema(maxLength = MAX_ADDRESS, example = "北京市大兴区黄村西大街26号") String address,
        @DecimalMin("-90") @DecimalMax("90") @Schema(minimum = "-90", maximum = "90", example = "39.7268") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") @Schema(minimum = "-180", maximum = "180", example = "116.3267")
        Double longitude) {

    static final int MAX_CLINIC = CampaignRequest.MAX_CLINIC_CODE;
    static final int MAX_NAME = 100;
    static final int MAX_ADDRESS = 300;

    void checkRules(FieldErrors errors) {
        if (kind == SiteKind.STATION) {
            if (stationId == null) {
                errors.add("stationId", "检查站点须给出 stationId / a station site needs stationId");
            }
            if (name != null || address != null || latitude != null || longitude != null) {
                errors.add(name != null ? "name" : address != null ? "address" : latitude != null ? "latitude" : "longitude",
                        "检查站点的名称、地址和位置来自站点信息 / a station site takes these from the station");
            }
        } else if (kind == SiteKind.CLINIC) {
            if (stationId != null) {
                errors.add("stationId", "医疗机构地点不能指定站点 / a clinic site has no station");
            }
            require(errors, "name", name == null || name.isBlank());
            require(errors, "address", address == null || address.isBlank());
            require(errors, "latitude", latitude == null);
            require(errors, "longitude", longitude == null);
        }
    }

    NewSite toNew() {
        GeoPoint position = latitude == null || longitude == null ? null : new GeoPoint(latitude, longitude);
        return new NewSite(kind, clinic, stationId, name == null ? null : name.strip(),
                address == null ? null : address.strip(), position);
    }

    private static void require(FieldErrors errors, String field, boolean missing) {
        if (missing) {
            errors.add(field, "医疗机构地点必填 / required for a clinic site");
        }
    }
}
