package org.yizhan.station.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.station.domain.HostType;
import org.yizhan.station.domain.MapApp;

import java.util.List;

/** Body of {@code POST /api/v1/stations} and {@code PUT /api/v1/stations/{id}}. */
@Schema(name = "StationDetails")
public record StationDetailsRequest(
        @NotBlank @Size(max = 100) @Schema(example = "卡车司机暖心驿站") String name,
        @NotNull @Schema(example = "ENTERPRISE") HostType hostType,
        @Size(max = 200) @Schema(example = "霍氏集团百利威仓储物流有限公司") String hostOrganisation,
        @NotBlank @Size(max = 300) @Schema(example = "北京市大兴区京南物流基地百利威南区门口") String address,
        @Size(max = ParamLimits.DISTRICT) @Schema(example = "大兴区") String district,
        @NotNull @Valid LocationDto location,
        @Size(max = 30) @Pattern(regexp = "[0-9+\\- ()]*", message = "只能包含数字、空格和 + - ( ) / digits, spaces and + - ( ) only")
        @Schema(example = "010-61234567") String contactPhone,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("100000") @Schema(example = "300") Double areaM2,
        @PositiveOrZero @Max(10000) @Schema(example = "24") Integer seats,
        @Size(max = 20) @Schema(example = "[\"https://img.example.org/yizhan/truck-station-1.jpg\"]")
        List<@NotBlank @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "必须是 http(s) 网址 / must be an http(s) URL") String> photos,
        @Size(max = 10) @Schema(example = "[\"AMAP\", \"UNION_APP\"]") List<@NotNull MapApp> listedIn) {
}
