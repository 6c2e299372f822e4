package org.yizhan.checkup.service.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.yizhan.checkup.domain.site.SiteKind;
import org.yizhan.kit.time.AppClock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The free checkup places as SMART Scheduling Links resources (HL7 FHIR R4): a {@code Location} and
 * a {@code Schedule} per site of an open campaign, and for every slot that has not started one
 * {@code Slot} for its free places and one for its taken places, each with the slot-capacity
 * extension, so that free + busy capacity is the slot's capacity. Free slots carry the booking deep
 * link. Nothing here names a person: the feed is read from sites, slots and campaigns only.
 */
@ApplicationScoped
public class AvailabilityFeed {

    /** SMART Scheduling Links extension: a link into the booking app for this slot. */
    public static final String BOOKING_DEEP_LINK =
            "http://fhir-registry.smarthealthit.org/StructureDefinition/booking-deep-link";
    /** SMART Scheduling Links extension: how many identical places this Slot stands for. */
    public static final String SLOT_CAPACITY = "http://fhir-registry.smarthealthit.org/StructureDefinition/slot-capacity";
    /** Our code system for the one service on offer. */
    public static final String SERVICE_TYPE_SYSTEM = "https://fhir.yizhan.example/CodeSystem/service-type";
    /** Which occupations a campaign's schedule is for (values of org.yizhan.events.Occupation). */
    public static final String ELIGIBLE_OCCUPATION =
            "https://fhir.yizhan.example/StructureDefinition/eligible-occupation";
    /** The identifier system of stations (the id of station-service), for checkup days at a station. */
    public static final String STATION_ID_SYSTEM = "https://fhir.yizhan.example/NamingSystem/station-id";

    private final FeedQuery query;
    private final AppClock clock;
    private final String bookingLink;

    public AvailabilityFeed(FeedQuery query, AppClock clock,
                            @ConfigProperty(name = "yizhan.checkup.feed.booking-link",
                                    defaultValue = "https://yizhan.example/checkups/book?slotId={slotId}")
                            String bookingLink) {
        this.query = query;
        this.clock = clock;
        this.bookingLink = bookingLink;
    }

    /** The FHIR id of one of our UUIDs: its 32 hex digits, which fit both FHIR's and SMART's id rules. */
    public static String fhirId(UUID id) {
        return id.toString().replace("-", "");
    }

    /** The time the feed is computed at; the manifest's transactionTime. */
    public Instant now() {
        return clock.now();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Map<String, Object>> locations() {
        return query.sites(clock.now()).stream().map(AvailabilityFeed::location).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Map<String, Object>> schedules() {
        return query.sites(clock.now()).stream().map(AvailabilityFeed::schedule).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Map<String, Object>> slots() {
        List<Map<String, Object>> resources = new ArrayList<>();
        for (FeedQuery.FeedSlot s : query.slots(clock.now())) {
            int free = s.siteUnavailable() ? 0 : Math.max(0, s.capacity() - s.booked() - s.held());
            if (free > 0) {
                resources.add(slot(s, "free", free, bookingLink.replace("{slotId}", s.slotId().toString())));
            }
            if (s.capacity() - free > 0) {
                resources.add(slot(s, "busy", s.capacity() - free, null));
            }
        }
        return resources;
    }

    private static Map<String, Object> location(FeedQuery.FeedSite s) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("resourceType", "Location");
        r.put("id", fhirId(s.siteId()));
        if (s.stationId() != null) {
            r.put("identifier", List.of(Map.of("system", STATION_ID_SYSTEM, "value", s.stationId().toString())));
        }
        r.put("status", s.unavailable() ? "suspended" : "active");
        r.put("name", s.name());
        r.put("description", s.kind() == SiteKind.STATION ? "驿站流动体检日 / Mobile checkup day at a station"
                : "体检机构 / Clinic");
        r.put("address", Map.of("text", s.address(), "line", List.of(s.address()), "country", "CN"));
        r.put("position", Map.of("latitude", s.latitude(), "longitude", s.longitude()));
        return r;
    }

    private static Map<String, Object> schedule(FeedQuery.FeedSite s) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("resourceType", "Schedule");
        r.put("id", fhirId(s.siteId()));
        r.put("extension", s.occupations().stream()
                .map(o -> Map.<String, Object>of("url", ELIGIBLE_OCCUPATION, "valueCode", o)).toList());
        r.put("active", true);
        r.put("serviceType", List.of(Map.of("coding", List.of(Map.of("system", SERVICE_TYPE_SYSTEM,
                "code", "outdoor-worker-checkup", "display", "户外劳动者免费体检 / Free checkup for outdoor workers")),
                "text", "户外劳动者免费体检")));
        r.put("actor", List.of(Map.of("reference", "Location/" + fhirId(s.siteId()))));
        r.put("comment", s.campaignName());
        return r;
    }

    private static Map<String, Object> slot(FeedQuery.FeedSlot s, String status, int places, String deepLink) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("resourceType", "Slot");
        r.put("id", fhirId(s.slotId()) + "." + status);
        r.put("schedule", Map.of("reference", "Schedule/" + fhirId(s.siteId())));
        r.put("status", status);
        r.put("start", s.startsAt().toString());
        r.put("end", s.endsAt().toString());
        List<Object> extension = new ArrayList<>();
        extension.add(Map.of("url", SLOT_CAPACITY, "valueInteger", places));
        if (deepLink != null) {
            extension.add(Map.of("url", BOOKING_DEEP_LINK, "valueUrl", deepLink));
        }
        r.put("extension", extension);
        return r;
    }
}
