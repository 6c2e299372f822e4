package org.yizhan.station.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.station.domain.HostType;

/** Body of {@code POST /api/v1/stations}. */
@Schema(name = "RegisterStationRequest")
public record RegisterStationRequest(
        @NotBlank @Size(max = 100) @Schema(example = "卡车司机暖心驿站") String name,
        @NotNull @Schema(example = "ENTERPRISE") HostType hostType,
        @Size(max = 200) @Schema(example = "霍氏集团百利威仓储物流有限公司") String hostOrganisation,
        @NotBlank @Size(max = 300) @Schema(example = "北京市大兴区京南物流基地百利威南区门口") String address,
        @Size(max = 60) @Schema(example = "大兴区") String district,
        @NotNull @Valid LocationDto location) {
}
