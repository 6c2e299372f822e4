package org.yizhan.station.service.hsds;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.yizhan.station.domain.FieldLimits;

import java.util.List;
import java.util.UUID;

/**
 * The HSDS 3.x objects this service exports, with the field names of the Open Referral schema
 * ({@code schema/*.json} and {@code schema/compiled/service.json} of openreferral/specification).
 * Only the fields we can fill are present; absent values are left out of the JSON.
 */
public final class Hsds {

    /** The most entities on one page. */
    public static final int MAX_PER_PAGE = 100;

    private Hsds() {
    }

    /** A paginated answer, HSDS API {@code components.schemas.Page} plus {@code contents}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "HsdsPage", description = "HSDS API page: metadata and contents")
    public record Page<T>(
            @Schema(description = "Number of entities in the whole result", example = "3", minimum = "0",
                    maximum = FieldLimits.SUM_MAX) long total_items,
            @Schema(description = "Number of pages", example = "2", minimum = "0",
                    maximum = FieldLimits.SUM_MAX) long total_pages,
            @Schema(description = "This page's number, from 1", example = "1", minimum = "0",
                    maximum = FieldLimits.COUNT_MAX) int page_number,
            @Schema(description = "Number of entities on this page", example = "2", minimum = "0",
                    maximum = FieldLimits.COUNT_MAX) int size,
            boolean first_page,
            boolean last_page,
            @Schema(description = "Whether this page has no entities") boolean empty,
            @Schema(maxItems = MAX_PER_PAGE) List<T> contents) {
    }

    /** A fully nested ("compiled") HSDS service. */
    /** The answer of the services list, named for the OpenAPI document (a generic page has no name of its own). */
    @Schema(name = "HsdsServicePage", description = "HSDS API page of services", allOf = Page.class,
            properties = @SchemaProperty(name = "contents", type = SchemaType.ARRAY, implementation = Service.class,
                    maxItems = Hsds.MAX_PER_PAGE))
    public static final class ServicePage {
        private ServicePage() {
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "HsdsService")
    public record Service(
            UUID id,
            UUID organization_id,
            @Schema(example = "户外劳动者驿站服务", maxLength = FieldLimits.NAME) String name,
            @Schema(example = "Outdoor worker rest station", maxLength = FieldLimits.NAME) String alternate_name,
            @Schema(maxLength = FieldLimits.TEXT) String description,
            @Schema(enumeration = {"active", "inactive", "defunct", "temporarily closed"}, example = "active")
            String status,
            @Schema(description = "Short-term notices: temporary closure, amenities out of order",
                    maxLength = FieldLimits.TEXT) String alert,
            @Schema(maxLength = FieldLimits.TEXT) String eligibility_description,
            @Schema(description = "Day the record was last checked", example = "2026-11-29",
                    maxLength = 10) String assured_date,
            @Schema(example = "2026-11-29T08:00:00.000Z", maxLength = 35) String last_modified,
            Organization organization,
            @Schema(maxItems = 10) List<ServiceAtLocation> service_at_locations,
            @Schema(maxItems = FieldLimits.LIST) List<Attribute> attributes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "HsdsOrganization")
    public record Organization(UUID id, @Schema(maxLength = FieldLimits.LABEL) String name,
            @Schema(maxLength = FieldLimits.LABEL) String alternate_name,
            @Schema(maxLength = FieldLimits.TEXT) String description) {
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
            @Schema(example = "卡车司机暖心驿站", maxLength = FieldLimits.NAME) String name,
            @Schema(maxLength = FieldLimits.TEXT) String description,
            @Schema(description = "WGS-84", example = "39.7046") double latitude,
            @Schema(description = "WGS-84", example = "116.3127") double longitude,
            @Schema(description = "Our station id", maxLength = 36) String external_identifier,
            @Schema(example = "yizhan-station-id", maxLength = FieldLimits.CODE) String external_identifier_type,
            @Schema(maxItems = 10) List<Address> addresses,
            @Schema(maxItems = 10) List<Phone> phones,
            @Schema(maxItems = FieldLimits.LIST) List<Schedule> schedules) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "HsdsAddress")
    public record Address(
            UUID id,
            UUID location_id,
            @Schema(example = "北京市大兴区京南物流基地", maxLength = FieldLimits.ADDRESS) String address_1,
            @Schema(example = "北京市", maxLength = FieldLimits.DISTRICT) String city,
            @Schema(example = "大兴区", maxLength = FieldLimits.DISTRICT) String region,
            @Schema(example = "北京市", maxLength = FieldLimits.DISTRICT) String state_province,
            @Schema(description = "Not known to the registry: always empty", maxLength = 10) String postal_code,
            @Schema(example = "CN", maxLength = 2) String country,
            @Schema(example = "physical", maxLength = FieldLimits.CODE) String address_type) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "HsdsPhone")
    public record Phone(UUID id, UUID location_id, @Schema(example = "010-61234567",
            maxLength = FieldLimits.PHONE) String number,
                        @Schema(example = "voice", maxLength = FieldLimits.CODE) String type) {
    }

    /** One RFC 5545-like rule: on {@code byday}, from {@code opens_at} to {@code closes_at}, station-local time. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "HsdsSchedule")
    public record Schedule(
            UUID id,
            UUID location_id,
            @Schema(example = "2027-06-01", maxLength = 10) String valid_from,
            @Schema(example = "2027-08-31", maxLength = 10) String valid_to,
            @Schema(description = "UTC offset in hours of the station's zone", example = "8") Number timezone,
            @Schema(example = "WEEKLY", maxLength = FieldLimits.CODE) String freq,
            @Schema(example = "MO,TU,WE,TH,FR", maxLength = FieldLimits.CODE) String byday,
            @Schema(description = "Station-local HH:MM", example = "08:00", maxLength = 5) String opens_at,
            @Schema(description = "Station-local HH:MM; before opens_at means the next day", example = "12:00",
                    maxLength = 5)
            String closes_at,
            @Schema(maxLength = FieldLimits.EXPLANATION) String description,
            @Schema(maxLength = FieldLimits.EXPLANATION) String notes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "HsdsAttribute")
    public record Attribute(
            UUID id,
            UUID link_id,
            UUID taxonomy_term_id,
            @Schema(example = "amenity", maxLength = FieldLimits.CODE) String link_type,
            @Schema(example = "service", maxLength = FieldLimits.CODE) String link_entity,
            @Schema(enumeration = {"available", "out_of_order"}, example = "available") String value,
            @Schema(maxLength = FieldLimits.LABEL) String label,
            TaxonomyTerm taxonomy_term) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "HsdsTaxonomyTerm")
    public record TaxonomyTerm(
            UUID id,
            @Schema(example = "MICROWAVE", maxLength = FieldLimits.CODE) String code,
            @Schema(example = "微波炉", maxLength = FieldLimits.LABEL) String name,
            @Schema(example = "Microwave", maxLength = FieldLimits.LABEL) String description,
            @Schema(example = "Yizhan amenities", maxLength = FieldLimits.LABEL) String taxonomy,
            UUID taxonomy_id,
            @Schema(example = "zh", maxLength = 10) String language,
            Taxonomy taxonomy_detail) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "HsdsTaxonomy")
    public record Taxonomy(UUID id, @Schema(maxLength = FieldLimits.LABEL) String name,
            @Schema(maxLength = FieldLimits.EXPLANATION) String description,
            @Schema(maxLength = FieldLimits.CODE) String version) {
    }
}
