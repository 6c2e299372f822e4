package org.yizhan.station.service.hsds;

import org.yizhan.station.domain.Amenity;
import org.yizhan.station.domain.Station;
import org.yizhan.station.domain.StationAmenity;
import org.yizhan.station.domain.StationStatus;
import org.yizhan.station.domain.hours.DateException;
import org.yizhan.station.domain.hours.HolidayPolicy;
import org.yizhan.station.domain.hours.OpeningHours;
import org.yizhan.station.domain.hours.SeasonalSchedule;
import org.yizhan.station.domain.hours.TimePeriod;
import org.yizhan.station.domain.hours.ValidityWindow;
import org.yizhan.station.domain.hours.WeeklySchedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Maps a station, its amenities and its opening hours to one fully nested HSDS 3.x service. Pure:
 * everything it needs is passed in, {@code today} included (seasons and exceptions before it are
 * left out, yearly seasons get the dates of their current or next occurrence).
 */
public final class HsdsMapper {

    public static final String SERVICE_NAME = "户外劳动者驿站服务";
    public static final String SERVICE_NAME_EN = "Outdoor worker rest station";
    public static final String LINK_TYPE = "amenity";
    public static final String TAXONOMY_CODE = "yizhan-amenities";

    /** The amenity taxonomy. */
    public static final Hsds.Taxonomy AMENITY_TAXONOMY = new Hsds.Taxonomy(HsdsIds.AMENITY_TAXONOMY,
            "驿站设施 / Yizhan station amenities",
            "驿站可提供的设施；术语代码即 GET /api/v1/stations/amenities 的代码 / What a Yizhan station can offer; "
                    + "term codes are the codes of GET /api/v1/stations/amenities", "1");

    private static final DateTimeFormatter LAST_MODIFIED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String[] DAY_CODES = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
    private static final String[] DAY_ZH = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};

    /** Deployment facts the registry does not hold per station. */
    public record Settings(String organizationName, String city, String stateProvince) {
    }

    private final Settings settings;

    public HsdsMapper(Settings settings) {
        this.settings = settings;
    }

    /** The union, publisher of every record. */
    public Hsds.Organization organization() {
        return new Hsds.Organization(HsdsIds.ORGANIZATION, settings.organizationName(),
                "Yizhan (驿站) outdoor-worker service stations",
                "工会为快递员、外卖骑手、网约车和货车司机等户外劳动者设立的服务站点网络，负责维护各站点信息 / "
                        + "A trade union's network of service stations for outdoor workers; it keeps the station "
                        + "records up to date.");
    }

    /** A term of the amenity taxonomy. */
    public static Hsds.TaxonomyTerm term(Amenity amenity) {
        return new Hsds.TaxonomyTerm(HsdsIds.taxonomyTerm(amenity.name()), amenity.name(), amenity.nameZh(),
                amenity.nameEn(), TAXONOMY_CODE, HsdsIds.AMENITY_TAXONOMY, "zh", AMENITY_TAXONOMY);
    }

    /**
     * @param hours the station's opening hours, or {@code null} when not known (no schedules then)
     */
    public Hsds.Service service(Station station, List<StationAmenity> amenities, OpeningHours hours, LocalDate today) {
        UUID serviceId = HsdsIds.service(station.id);
        UUID locationId = HsdsIds.location(station.id);
        ZoneId zone = hours == null ? OpeningHours.DEFAULT_ZONE : hours.zone();
        List<StationAmenity> sorted = amenities.stream()
                .sorted(Comparator.comparing((StationAmenity a) -> a.key.amenity())).toList();
        List<Hsds.Attribute> attributes = sorted.stream().map(a -> attribute(serviceId, station.id, a, zone)).toList();
        Hsds.Location location = new Hsds.Location(locationId, "physical", HsdsIds.ORGANIZATION, station.name,
                locationDescription(station), station.latitude, station.longitude, station.id.toString(),
                "yizhan-station-id", List.of(address(station, locationId)),
                station.contactPhone == null || station.contactPhone.isBlank() ? List.of()
                        : List.of(new Hsds.Phone(HsdsIds.phone(station.id), locationId, station.contactPhone.strip(),
                        "voice")),
                hours == null ? List.of() : schedules(station.id, locationId, hours, today));
        return new Hsds.Service(serviceId, HsdsIds.ORGANIZATION, SERVICE_NAME, SERVICE_NAME_EN,
                station.name + "：为快递员、外卖骑手、网约车和货车司机等户外劳动者提供歇脚、饮水、热饭、充电等服务 / "
                        + "A rest station for outdoor workers: a place to rest, water, a microwave, charging.",
                status(station.status), alert(station, sorted, zone),
                "户外劳动者：快递员、外卖骑手、网约车司机、货车司机、环卫工人等 / Outdoor workers: couriers, "
                        + "food-delivery riders, ride-hailing and truck drivers, sanitation workers and others",
                station.lastVerifiedOn == null ? null : station.lastVerifiedOn.toString(),
                station.updatedAt == null ? null : LAST_MODIFIED.format(station.updatedAt),
                organization(),
                List.of(new Hsds.ServiceAtLocation(HsdsIds.serviceAtLocation(station.id), serviceId, locationId,
                        location)),
                attributes);
    }

    /** HSDS service status: ACTIVE active, TEMPORARILY_CLOSED "temporarily closed", CLOSED inactive. */
    public static String status(StationStatus status) {
        return switch (status) {
            case ACTIVE -> "active";
            case TEMPORARILY_CLOSED -> "temporarily closed";
            case CLOSED -> "inactive";
        };
    }

    private static String alert(Station station, List<StationAmenity> amenities, ZoneId zone) {
        List<String> parts = new ArrayList<>();
        String reason = station.statusReason == null ? "" : station.statusReason.strip();
        if (station.status == StationStatus.TEMPORARILY_CLOSED) {
            String reopening = station.expectedReopening == null ? "" : "；预计 " + station.expectedReopening + " 恢复";
            String reopeningEn = station.expectedReopening == null ? ""
                    : "; expected to reopen " + station.expectedReopening;
            parts.add("暂停开放：" + reason + reopening + " / Temporarily closed: " + reason + reopeningEn);
        } else if (station.status == StationStatus.CLOSED) {
            parts.add("已关闭：" + reason + " / Closed: " + reason);
        }
        List<String> broken = amenities.stream()
                .filter(a -> StationAmenity.Status.OUT_OF_ORDER.name().equals(a.status))
                .map(a -> names(a.key.amenity()) + " (" + a.key.amenity() + ")").toList();
        if (!broken.isEmpty()) {
            parts.add("暂停使用的设施 / Out of order: " + String.join(", ", broken));
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static String locationDescription(Station station) {
        List<String> parts = new ArrayList<>();
        if (station.hostOrganisation != null && !station.hostOrganisation.isBlank()) {
            parts.add("承办单位 / Host: " + station.hostOrganisation.strip());
        }
        parts.add("类型 / Host type: " + station.hostType);
        if (station.areaM2 != null) {
            parts.add("面积 / Area: " + stripZeros(station.areaM2) + " m²");
        }
        if (station.seats != null) {
            parts.add("座位 / Seats: " + station.seats);
        }
        return String.join("; ", parts);
    }

    private static String stripZeros(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private Hsds.Address address(Station station, UUID locationId) {
        return new Hsds.Address(HsdsIds.address(station.id), locationId, station.address, settings.city(),
                station.district, settings.stateProvince(), "", "CN", "physical");
    }

    private static Hsds.Attribute attribute(UUID serviceId, UUID stationId, StationAmenity a, ZoneId zone) {
        String code = a.key.amenity();
        boolean working = !StationAmenity.Status.OUT_OF_ORDER.name().equals(a.status);
        String label = names(code);
        if (!working) {
            label += " — 暂停使用 / out of order";
            if (a.outOfOrderSince != null) {
                label += " since " + LocalDate.ofInstant(a.outOfOrderSince, zone);
            }
            if (a.note != null && !a.note.isBlank()) {
                label += ": " + a.note.strip();
            }
        }
        Hsds.TaxonomyTerm term = known(code) ? term(Amenity.valueOf(code))
                : new Hsds.TaxonomyTerm(HsdsIds.taxonomyTerm(code), code, code, code, TAXONOMY_CODE,
                HsdsIds.AMENITY_TAXONOMY, "zh", AMENITY_TAXONOMY);
        return new Hsds.Attribute(HsdsIds.attribute(stationId, code), serviceId, term.id(), LINK_TYPE, "service",
                working ? "available" : "out_of_order", label, term);
    }

    private static boolean known(String code) {
        for (Amenity amenity : Amenity.values()) {
            if (amenity.name().equals(code)) {
                return true;
            }
        }
        return false;
    }

    private static String names(String code) {
        return known(code) ? Amenity.valueOf(code).nameZh() + " / " + Amenity.valueOf(code).nameEn() : code;
    }

    // ---- schedules ----

    /**
     * Regular weekly hours (no validity dates), each season with the dates of its current or next
     * occurrence, and each exception from today on as a one-day schedule.
     */
    List<Hsds.Schedule> schedules(UUID stationId, UUID locationId, OpeningHours hours, LocalDate today) {
        Number timezone = offsetHours(hours.zone(), today);
        String notes = policyNotes(hours);
        List<Hsds.Schedule> out = new ArrayList<>();
        String regularDescription = hours.seasons().isEmpty() && hours.exceptions().isEmpty()
                ? "常规时间 / Regular hours"
                : "常规时间；季节时间与特别日期在其日期内优先 / Regular hours; seasonal hours and special dates "
                + "take precedence on their dates";
        weekly(out, stationId, locationId, "regular", hours.regular(), null, null, timezone, regularDescription, notes);
        for (SeasonalSchedule season : hours.seasons()) {
            LocalDate[] dates = occurrence(season.validity(), today);
            if (dates == null) {
                continue;
            }
            String window = season.validity() instanceof ValidityWindow.EveryYear yearly
                    ? "每年 " + monthDay(yearly.from().getMonthValue(), yearly.from().getDayOfMonth()) + " 至 "
                    + monthDay(yearly.to().getMonthValue(), yearly.to().getDayOfMonth()) + " / every year "
                    + monthDay(yearly.from().getMonthValue(), yearly.from().getDayOfMonth()) + " to "
                    + monthDay(yearly.to().getMonthValue(), yearly.to().getDayOfMonth())
                    : dates[0] + " 至 " + dates[1] + " / " + dates[0] + " to " + dates[1];
            weekly(out, stationId, locationId, "season:" + season.validity(), season.schedule(), dates[0].toString(),
                    dates[1].toString(), timezone, "季节时间，" + window + "，替代常规时间 / Seasonal hours, " + window
                            + ", instead of the regular hours", notes);
        }
        for (DateException exception : hours.exceptions()) {
            if (exception.date().isBefore(today)) {
                continue;
            }
            String date = exception.date().toString();
            String day = DAY_CODES[exception.date().getDayOfWeek().ordinal()];
            if (exception.isClosed()) {
                out.add(new Hsds.Schedule(HsdsIds.schedule(stationId, "exception:" + date), locationId, date, date,
                        timezone, "WEEKLY", day, null, null,
                        date + " 闭站：" + exception.reason() + " / Closed on " + date + ": " + exception.reason(),
                        null));
                continue;
            }
            for (TimePeriod period : exception.periods()) {
                out.add(new Hsds.Schedule(HsdsIds.schedule(stationId, "exception:" + date + ":" + period), locationId,
                        date, date, timezone, "WEEKLY", day, time(period.open()), close(period),
                        overnight(period, date + " 特别时间：" + exception.reason() + " / Special hours on " + date
                                + ": " + exception.reason()), null));
            }
        }
        return out;
    }

    /** One schedule per distinct period, for all the weekdays that have it, Monday's periods first. */
    private static void weekly(List<Hsds.Schedule> out, UUID stationId, UUID locationId, String key,
                               WeeklySchedule schedule, String validFrom, String validTo, Number timezone,
                               String description, String notes) {
        Map<TimePeriod, List<DayOfWeek>> days = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            for (TimePeriod period : schedule.periodsOn(day)) {
                days.computeIfAbsent(period, p -> new ArrayList<>()).add(day);
            }
        }
        for (Map.Entry<TimePeriod, List<DayOfWeek>> entry : days.entrySet()) {
            TimePeriod period = entry.getKey();
            String byday = String.join(",", entry.getValue().stream().map(d -> DAY_CODES[d.ordinal()]).toList());
            out.add(new Hsds.Schedule(HsdsIds.schedule(stationId, key + ":" + byday + ":" + period), locationId,
                    validFrom, validTo, timezone, "WEEKLY", byday, time(period.open()), close(period),
                    overnight(period, description), notes));
        }
    }

    private static String overnight(TimePeriod period, String description) {
        if (period.isAllDay() || !period.endsNextDay() || period.close().equals(LocalTime.MIDNIGHT)) {
            return description;
        }
        return description + "; 跨夜，次日 " + time(period.close()) + " 结束 / overnight, closes "
                + time(period.close()) + " the next day";
    }

    /** The dates of the window's occurrence that has not ended before {@code today}, or null if none. */
    public static LocalDate[] occurrence(ValidityWindow window, LocalDate today) {
        if (window instanceof ValidityWindow.Dated dated) {
            return dated.to().isBefore(today) ? null : new LocalDate[]{dated.from(), dated.to()};
        }
        ValidityWindow.EveryYear yearly = (ValidityWindow.EveryYear) window;
        boolean wraps = yearly.from().isAfter(yearly.to());
        for (int year = today.getYear() - 1; year <= today.getYear() + 1; year++) {
            LocalDate from = yearly.from().atYear(year);
            LocalDate to = yearly.to().atYear(wraps ? year + 1 : year);
            if (!to.isBefore(today)) {
                return new LocalDate[]{from, to};
            }
        }
        return null;
    }

    private static String policyNotes(OpeningHours hours) {
        HolidayPolicy policy = hours.holidayPolicy();
        String holiday = switch (policy.onPublicHoliday()) {
            case KEEP_WEEKLY_HOURS -> "法定节假日照常按每周时间开放 / Public holidays: the usual weekly hours";
            case CLOSED -> "法定节假日闭站 / Closed on public holidays";
            case SUNDAY_HOURS -> "法定节假日按周日时间开放 / Public holidays: Sunday hours";
        };
        String makeUp = policy.makeUpWorkdayAs() == null
                ? "调休上班日按当天时间 / Make-up working days: that day's own hours"
                : "调休上班日按" + DAY_ZH[policy.makeUpWorkdayAs().ordinal()] + "时间 / Make-up working days: "
                + policy.makeUpWorkdayAs().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH) + " hours";
        return holiday + "; " + makeUp + "; 时区 / Time zone " + hours.zone().getId();
    }

    /** The zone's standard UTC offset on {@code day}, in hours: whole hours as an integer. */
    static Number offsetHours(ZoneId zone, LocalDate day) {
        int seconds = zone.getRules().getStandardOffset(day.atStartOfDay(zone).toInstant()).getTotalSeconds();
        return seconds % 3600 == 0 ? (Number) (seconds / 3600) : (Number) (seconds / 3600.0);
    }

    private static String close(TimePeriod period) {
        return period.close().equals(LocalTime.MIDNIGHT) ? "24:00" : time(period.close());
    }

    private static String time(LocalTime time) {
        return String.format(Locale.ROOT, "%02d:%02d", time.getHour(), time.getMinute());
    }

    private static String monthDay(int month, int day) {
        return String.format(Locale.ROOT, "%02d-%02d", month, day);
    }
}
