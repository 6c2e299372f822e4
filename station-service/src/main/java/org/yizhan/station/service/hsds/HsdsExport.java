package org.yizhan.station.service.hsds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.time.AppClock;
import org.yizhan.station.domain.Amenity;
import org.yizhan.station.domain.Station;
import org.yizhan.station.domain.StationAmenity;
import org.yizhan.station.domain.hours.OpeningHours;
import org.yizhan.station.domain.hours.OpeningHoursForm;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Read-only export of the registry as HSDS 3.x services, one per station, in registration order. */
@ApplicationScoped
public class HsdsExport {

    private final EntityManager em;
    private final ObjectMapper json;
    private final HsdsMapper mapper;
    private final AppClock clock;

    public HsdsExport(EntityManager em, ObjectMapper json, AppClock clock,
                      @ConfigProperty(name = "yizhan.hsds.organization-name",
                              defaultValue = "工会户外劳动者服务站点（驿站）") String organizationName,
                      @ConfigProperty(name = "yizhan.hsds.city", defaultValue = "北京市") String city,
                      @ConfigProperty(name = "yizhan.hsds.state-province", defaultValue = "北京市") String stateProvince) {
        this.em = em;
        this.json = json;
        this.clock = clock;
        this.mapper = new HsdsMapper(new HsdsMapper.Settings(organizationName, city, stateProvince));
    }

    /** Page {@code page} (from 1) of {@code perPage} services; {@code search} matches part of the name or address. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Hsds.Page<Hsds.Service> services(int page, int perPage, String search) {
        String where = "";
        String like = null;
        if (search != null && !search.isBlank()) {
            where = " where lower(s.name) like :like escape '!' or lower(s.address) like :like escape '!'";
            like = "%" + search.strip().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%")
                    .replace("_", "!_") + "%";
        }
        TypedQuery<Long> count = em.createQuery("select count(s) from Station s" + where, Long.class);
        TypedQuery<Station> list = em.createQuery("from Station s" + where + " order by s.registeredAt, s.id",
                Station.class);
        if (like != null) {
            count.setParameter("like", like);
            list.setParameter("like", like);
        }
        long total = count.getSingleResult();
        List<Station> stations = list.setFirstResult((page - 1) * perPage).setMaxResults(perPage).getResultList();
        Map<UUID, List<StationAmenity>> amenities = amenitiesOf(stations.stream().map(s -> s.id).toList());
        List<Hsds.Service> contents = stations.stream()
                .map(s -> map(s, amenities.getOrDefault(s.id, List.of()))).toList();
        return page(total, page, perPage, contents);
    }

    /** The service with this HSDS id (404 if no station has it). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Hsds.Service service(UUID serviceId) {
        // Name-based ids cannot be inverted; the registry is small enough to compare them all.
        UUID stationId = em.createQuery("select s.id from Station s", UUID.class).getResultStream()
                .filter(id -> HsdsIds.service(id).equals(serviceId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("该 HSDS 服务", "This HSDS service"));
        Station station = em.find(Station.class, stationId);
        return map(station, amenitiesOf(List.of(stationId)).getOrDefault(stationId, List.of()));
    }

    /** The one taxonomy (amenities), as a page. */
    public Hsds.Page<Hsds.Taxonomy> taxonomies(int page, int perPage) {
        return slice(List.of(HsdsMapper.AMENITY_TAXONOMY), page, perPage);
    }

    /** The amenity terms, as a page. */
    public Hsds.Page<Hsds.TaxonomyTerm> taxonomyTerms(int page, int perPage) {
        return slice(Arrays.stream(Amenity.values()).map(HsdsMapper::term).toList(), page, perPage);
    }

    private static <T> Hsds.Page<T> slice(List<T> all, int page, int perPage) {
        long from = Math.min((long) (page - 1) * perPage, all.size());
        long to = Math.min(from + perPage, all.size());
        return page(all.size(), page, perPage, all.subList((int) from, (int) to));
    }

    /** The HSDS page metadata for {@code contents}, page {@code page} of a result of {@code total}. */
    static <T> Hsds.Page<T> page(long total, int page, int perPage, List<T> contents) {
        long pages = (total + perPage - 1) / perPage;
        return new Hsds.Page<>(total, pages, page, contents.size(), page == 1, page >= pages, contents.isEmpty(),
                contents);
    }

    private Map<UUID, List<StationAmenity>> amenitiesOf(List<UUID> stationIds) {
        if (stationIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("from StationAmenity a where a.key.stationId in :ids order by a.key.amenity",
                        StationAmenity.class).setParameter("ids", stationIds).getResultStream()
                .collect(Collectors.groupingBy(a -> a.key.stationId(), LinkedHashMap::new, Collectors.toList()));
    }

    private Hsds.Service map(Station station, List<StationAmenity> amenities) {
        OpeningHours hours = hours(station);
        LocalDate today = clock.today(hours == null ? OpeningHours.DEFAULT_ZONE : hours.zone());
        return mapper.service(station, amenities, hours, today);
    }

    private OpeningHours hours(Station station) {
        if (station.openingHours == null) {
            return null;
        }
        try {
            return json.readValue(station.openingHours, OpeningHoursForm.class).toDomain();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored opening hours of " + station.id + " are unreadable", e);
        }
    }
}
