package org.yizhan.station.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.time.AppClock;
import org.yizhan.station.domain.Station;
import org.yizhan.station.domain.StationChange;
import org.yizhan.station.domain.hours.ChinaHolidayCalendar;
import org.yizhan.station.domain.hours.HolidayCalendar;
import org.yizhan.station.domain.hours.OpeningHours;
import org.yizhan.station.domain.hours.OpeningHoursForm;
import org.yizhan.station.domain.hours.OpenWeek;
import org.yizhan.station.domain.hours.WeeklySchedule;
import org.yizhan.station.events.StationEvents;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Opening hours of stations: setting them, and whether a station is open at a given moment. */
@ApplicationScoped
public class StationHours {

    private final EntityManager em;
    private final StationAccess access;
    private final StationEvents events;
    private final ObjectMapper json;
    private static final int PARSED_CACHE_SIZE = 10_000;

    private final HolidayCalendar calendar = ChinaHolidayCalendar.official();
    private final java.util.concurrent.ConcurrentHashMap<String, OpeningHours> parsed =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final AppClock clock;

    public StationHours(EntityManager em, StationAccess access, StationEvents events, ObjectMapper json,
                        AppClock clock) {
        this.clock = clock;
        this.em = em;
        this.access = access;
        this.events = events;
        this.json = json;
    }

    /** Hours and what they mean at {@code at}. */
    public record Answer(OpeningHoursForm hours, boolean openNow, Instant nextChange) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Answer> get(UUID stationId, Instant at) {
        Station station = access.requireExisting(stationId);
        return form(station).map(form -> {
            OpeningHours hours = form.toDomain();
            return new Answer(form, hours.isOpenAt(at, calendar), hours.nextChange(at, calendar).orElse(null));
        });
    }

    /** Replaces the station's hours after checking them; the canonical weekly text is stored. */
    @Transactional
    public Answer set(UUID stationId, OpeningHoursForm form, SecurityIdentity caller) {
        Station station = access.requireManageable(stationId, caller);
        OpeningHours hours;
        try {
            hours = form.toDomain();
        } catch (OpeningHoursForm.Invalid e) {
            throw ProblemException.invalidField(e.field(), e.getMessage());
        }
        OpeningHoursForm canonical = new OpeningHoursForm(hours.zone().getId(), hours.regular().toString(),
                form.seasons() == null ? null : form.seasons().stream().map(s -> new OpeningHoursForm.Season(
                        s.from(), s.to(), WeeklySchedule.parse(s.weekly()).toString())).toList(),
                form.exceptions(), hours.holidayPolicy().onPublicHoliday(), form.makeUpWorkdayAs());
        try {
            station.openingHours = json.writeValueAsString(canonical);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        station.updatedAt = clock.now();
        em.flush();
        // The flush reset what search had derived from the old hours (trigger); derive it anew.
        deriveForSearch(station.id, station.openingHours);
        events.updated(station, StationChange.Kind.HOURS_CHANGED, caller.getPrincipal().getName());
        Instant now = clock.now();
        return new Answer(canonical, hours.isOpenAt(now, calendar), hours.nextChange(now, calendar).orElse(null));
    }

    /** Whether the station is open at {@code at}; empty when its hours are not known. */
    public Optional<Boolean> isOpenAt(Station station, Instant at) {
        return isOpenAt(station.openingHours, at);
    }

    /**
     * Whether hours stored as {@code json} are open at {@code at}; empty for null. Parsed hours
     * are cached by their text: searches check many stations, and stations share few distinct
     * schedules.
     */
    public Optional<Boolean> isOpenAt(String json, Instant at) {
        return hoursOf(json).map(hours -> hours.isOpenAt(at, calendar));
    }

    /** Hours stored as {@code json}, parsed (and cached by their text); empty for null. */
    public Optional<OpeningHours> hoursOf(String json) {
        return json == null ? Optional.empty() : Optional.of(parsed(json));
    }

    /** The public holidays and make-up working days the hours are read with. */
    public HolidayCalendar calendar() {
        return calendar;
    }

    /**
     * What near-me search tests in SQL for hours stored as {@code json}: their week, or empty when
     * the search has to evaluate them here.
     */
    public Optional<OpenWeek> week(String json) {
        return OpenWeek.of(parsed(json));
    }

    /** Writes what search needs of the station's hours, unless they changed meanwhile. */
    private void deriveForSearch(UUID stationId, String stored) {
        Optional<OpenWeek> week = week(stored);
        em.createNativeQuery("update station set hours_derived = true, hours_week = cast(:week as int4multirange),"
                        + " hours_zone = cast(:zone as text), hours_calendar_free = cast(:free as boolean),"
                        + " hours_week_from = cast(:from as timestamptz)"
                        + " where id = :id and opening_hours = cast(:hours as jsonb)")
                .setParameter("week", week.map(OpenWeek::multirange).orElse(null))
                .setParameter("zone", week.map(w -> w.zone().getId()).orElse(null))
                .setParameter("free", week.map(w -> String.valueOf(w.calendarFree())).orElse(null))
                .setParameter("from", week.map(w -> w.validFrom().toString()).orElse(null))
                .setParameter("id", stationId)
                .setParameter("hours", stored)
                .executeUpdate();
    }

    private OpeningHours parsed(String json) {
        OpeningHours hours = parsed.get(json);
        if (hours == null) {
            hours = read(json).toDomain();
            if (parsed.size() >= PARSED_CACHE_SIZE) {
                parsed.clear();
            }
            parsed.put(json, hours);
        }
        return hours;
    }

    private Optional<OpeningHoursForm> form(Station station) {
        return station.openingHours == null ? Optional.empty() : Optional.of(read(station.openingHours));
    }

    private OpeningHoursForm read(String stored) {
        try {
            return json.readValue(stored, OpeningHoursForm.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored opening hours are unreadable", e);
        }
    }
}
