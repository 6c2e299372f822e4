package org.yizhan.station.service.hsds;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/**
 * The HSDS 3.x objects this service exports, with the field names of the Open Referral schema
 * ({@code schema/*.json} and {@code schema/compiled/service.json} of openreferral/specification).
 * Only the fields we can fill are present; absent values are left out of the JSON.
 */
public final class Hsds {

    private Hsds() {
    }

    /** A paginated answer, HSDS API {@code components.schemas.Page} plus {@code contents}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "HsdsPage", description = "HSDS API page: metadata and contents")
    public record Page<T>(
            @Schema(description = "Number of entities in the whole result", example = "3") long total_items,
            @Schema(description = "Number of pages", example = "2") long total_pages,
            @Schema(description = "This page's number, from 1", example = "1") int page_number,
            @Schema(description = "Number of entities on this page", example = "2") int size,
            boolean first_page,
            boolean last_page,
            @Schema(description = "Whether this page has no entities") boolean empty,
            List<T> contents) {
    }

    /** A fully nested ("compiled") HSDS service. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "HsdsService")
    public record Service(
            UUID id,
            UUID organization_id,
            @Schema(example = "户外劳动者驿站服务") String name,
            @Schema(example = "Outdoor worker rest station") String alternate_name,
            String description,
            @Schema(enumeration = {"active", "inactive", "defunct", "temporarily closed"}, example = "active")
            String status,
            @Schema(description = "Short-term notices: temporary closure, amenities out of order") String alert,
            String eligibility_description,
            @Schema(description = "Day the record was last checked", example = "2026-11-29") String assured_date,
            @Schema(example = "2026-11-29T08:00:00.000Z") String last_modified,
            Organization organization,
            List<ServiceAtLocation> service_at_locations,
            List<Attribute> attributes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "HsdsOrganization")
    public record Organization(UUID id, String name, String alternate_name, String description) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "HsdsServiceAtLocation")
    public record ServiceAtLocation(UUID id, UUID service_id, UUID location_id, Location location) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "HsdsLocation")
    public record Location(
            UUID id,
            @Schema(enumeration = {"physical", "postal", "virtual"}, example = "physical") String location_type,
            UUID organization_id,
            @Schema(example = "卡车司机暖心驿站") String name,
            String description,
            @Schema(description = "WGS-84", example = "39.7046") double latitude,
            @Schema(description = "WGS-84", example = "116.3127") double longitude,
            @Schema(description = "Our station id") String external_identifier,
            @Schema(example = "yizhan-station-id") String external_identifier_type,
            List<Address> addresses,
            List<Phone> phones,
            List<Schedule> schedules) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "HsdsAddress")
    public record Address(
            UUID id,
            UUID location_id,
            @Schema(example = "北京市大兴区京南物流基地") String address_1,
            @Schema(example = "北京市") String city,
            @Schema(example = "大兴区") String region,
            @Schema(example = "北京市") String state_province,
            @Schema(description = "Not known to the registry: always empty") String postal_code,
            @Schema(example = "CN") String country,
            @Schema(example = "physical") String address_type) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "HsdsPhone")
    public record Phone(UUID id, UUID location_id, @Schema(example = "010-61234567") String number,
                        @Schema(example = "voice") String type) {
    }

    /** One RFC 5545-like rule: on {@code byday}, from {@code opens_at} to {@code closes_at}, station-local time. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "HsdsSchedule")
    public record Schedule(
            UUID id,
            UUID location_id,
            @Schema(example = "2027-06-01") String valid_from,
            @Schema(example = "2027-08-31") String valid_to,
            @Schema(description = "UTC offset in hours of the station's zone", example = "8") Number timezone,
            @Schema(example = "WEEKLY") String freq,
            @Schema(example = "MO,TU,WE,TH,FR") String byday,
            @Schema(description = "Station-local HH:MM", example = "08:00") String opens_at,
            @Schema(description = "Station-local HH:MM; before opens_at means the next day", example = "12:00")
            String closes_at,
            String description,
            String notes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "HsdsAttribute")
    public record Attribute(
            UUID id,
            UUID link_id,
            UUID taxonomy_term_id,
            @Schema(example = "amenity") String link_type,
            @Schema(example = "service") String link_entity,
            @Schema(enumeration = {"available", "out_of_order"}, example = "available") String value,
            String label,
            TaxonomyTerm taxonomy_term) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "HsdsTaxonomyTerm")
    public record TaxonomyTerm(
            UUID id,
            @Schema(example = "MICROWAVE") String code,
            @Schema(example = "微波炉") String name,
            @Schema(example = "Microwave") String description,
            @Schema(example = "Yizhan amenities") String taxonomy,
            UUID taxonomy_id,
            @Schema(example = "zh") String language,
            Taxonomy taxonomy_detail) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "HsdsTaxonomy")
    public record Taxonomy(UUID id, String name, String description, String version) {
    }
}
