package org.yizhan.station.rest.hsds;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.yizhan.station.service.hsds.Hsds;
import org.yizhan.station.service.hsds.HsdsExport;

import java.util.UUID;

/**
 * The registry as Open Referral HSDS 3.x, read-only and public, shaped like the HSDS API:
 * {@code /services} (fully nested services), {@code /services/{id}}, {@code /taxonomies} and
 * {@code /taxonomy_terms}, paged with {@code page} and {@code per_page}.
 */
@Path("/api/v1/stations/hsds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "HSDS export", description = "Stations, amenities and hours as Open Referral HSDS 3.x")
public class HsdsResource {

    static final String EXAMPLE = """
            {"total_items": 1, "total_pages": 1, "page_number": 1, "size": 1, "first_page": true,
             "last_page": true, "empty": false, "contents": [{
              "id": "5b0f1d7e-8c55-3a2e-9a49-0c1f3e6f1a01", "organization_id": "0c2a4d1e-7b3f-3c9a-8d6e-5f4b3a2c1d0e",
              "name": "户外劳动者驿站服务", "alternate_name": "Outdoor worker rest station",
              "description": "卡车司机暖心驿站：为快递员、外卖骑手、网约车和货车司机等户外劳动者提供歇脚、饮水、热饭、充电等服务 / A rest station for outdoor workers: a place to rest, water, a microwave, charging.",
              "status": "active",
              "alert": "暂停使用的设施 / Out of order: 手机充电 / Phone charging (PHONE_CHARGING)",
              "last_modified": "2026-11-29T08:00:00.000Z",
              "organization": {"id": "0c2a4d1e-7b3f-3c9a-8d6e-5f4b3a2c1d0e", "name": "工会户外劳动者服务站点（驿站）",
                               "description": "…"},
              "service_at_locations": [{"id": "1a2b3c4d-0001-3e6d-8c7b-6a5f4e3d2c1b", "service_id": "5b0f1d7e-8c55-3a2e-9a49-0c1f3e6f1a01", "location_id": "9e1d2c3b-4a5f-3e6d-8c7b-6a5f4e3d2c1b",
                "location": {"id": "9e1d2c3b-4a5f-3e6d-8c7b-6a5f4e3d2c1b", "location_type": "physical", "name": "卡车司机暖心驿站",
                  "latitude": 39.7046, "longitude": 116.3127, "external_identifier": "0e5b7c9d-1a2b-4c3d-8e4f-5a6b7c8d9e0f",
                  "external_identifier_type": "yizhan-station-id",
                  "addresses": [{"id": "1a2b3c4d-0002-3e6d-8c7b-6a5f4e3d2c1b", "address_1": "北京市大兴区京南物流基地", "city": "北京市", "region": "大兴区",
                                 "state_province": "北京市", "postal_code": "", "country": "CN", "address_type": "physical"}],
                  "phones": [{"id": "1a2b3c4d-0003-3e6d-8c7b-6a5f4e3d2c1b", "number": "010-61234567", "type": "voice"}],
                  "schedules": [{"id": "1a2b3c4d-0004-3e6d-8c7b-6a5f4e3d2c1b", "timezone": 8, "freq": "WEEKLY", "byday": "MO,TU,WE,TH,FR",
                                 "opens_at": "08:00", "closes_at": "12:00", "description": "常规时间 / Regular hours",
                                 "notes": "法定节假日照常按每周时间开放 / Public holidays: the usual weekly hours; …"}]}}],
              "attributes": [{"id": "1a2b3c4d-0005-3e6d-8c7b-6a5f4e3d2c1b", "link_id": "5b0f1d7e-8c55-3a2e-9a49-0c1f3e6f1a01", "taxonomy_term_id": "1a2b3c4d-0006-3e6d-8c7b-6a5f4e3d2c1b", "link_type": "amenity",
                              "link_entity": "service", "value": "available", "label": "微波炉 / Microwave",
                              "taxonomy_term": {"id": "1a2b3c4d-0007-3e6d-8c7b-6a5f4e3d2c1b", "code": "MICROWAVE", "name": "微波炉", "description": "Microwave",
                                                "taxonomy": "yizhan-amenities", "taxonomy_id": "1a2b3c4d-0008-3e6d-8c7b-6a5f4e3d2c1b", "language": "zh"}}]}]}
            """;

    private final HsdsExport export;

    public HsdsResource(HsdsExport export) {
        this.export = export;
    }

    @GET
    @Path("/services")
    @PermitAll
    @Operation(summary = "Stations as HSDS 3.x services, fully nested",
            description = "Public. One service per station (registration order) with its organization, its "
                    + "service_at_locations (the station as a location with address, phone and schedules) and its "
                    + "amenities as attributes. Ids are stable across exports. HSDS API style paging: page from 1, "
                    + "per_page 1-100; search matches part of a station's name or address.")
    @APIResponse(responseCode = "200", description = "A page of services", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Hsds.ServicePage.class),
            examples = @ExampleObject(name = "page", value = EXAMPLE)))
    public Hsds.Page<Hsds.Service> services(
            @QueryParam("page") @DefaultValue("1") @Min(1) @Max(100000) @Parameter(example = "1") int page,
            @QueryParam("per_page") @DefaultValue("50") @Min(1) @Max(Hsds.MAX_PER_PAGE)
                    @Parameter(example = "50") int per_page,
            @QueryParam("search") @Size(max = 50) @Parameter(description = "Part of the name or address") String search) {
        return export.services(page, per_page, search);
    }

    @GET
    @Path("/services/{id}")
    @PermitAll
    @Operation(summary = "One HSDS service, fully nested", description = "Public. 404 if no station has this id.")
    public Hsds.Service service(@PathParam("id") UUID id) {
        return export.service(id);
    }

    @GET
    @Path("/taxonomies")
    @PermitAll
    @Operation(summary = "The amenity taxonomy as an HSDS taxonomy", description = "Public.")
    public Hsds.Page<Hsds.Taxonomy> taxonomies(
            @QueryParam("page") @DefaultValue("1") @Min(1) @Max(100000) int page,
            @QueryParam("per_page") @DefaultValue("50") @Min(1) @Max(Hsds.MAX_PER_PAGE) int per_page) {
        return export.taxonomies(page, per_page);
    }

    @GET
    @Path("/taxonomy_terms")
    @PermitAll
    @Operation(summary = "The amenities as HSDS taxonomy terms", description = "Public. code = the amenity code.")
    public Hsds.Page<Hsds.TaxonomyTerm> taxonomyTerms(
            @QueryParam("page") @DefaultValue("1") @Min(1) @Max(100000) int page,
            @QueryParam("per_page") @DefaultValue("50") @Min(1) @Max(Hsds.MAX_PER_PAGE) int per_page) {
        return export.taxonomyTerms(page, per_page);
    }
}
