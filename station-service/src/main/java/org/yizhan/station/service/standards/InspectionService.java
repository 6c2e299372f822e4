package org.yizhan.station.service.standards;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.yizhan.kit.idempotency.IdempotencyKeys;
import org.yizhan.kit.paging.Keyset;
import org.yizhan.kit.paging.KeysetCursor;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.problem.FieldErrors;
import org.yizhan.kit.problem.Problem;
import org.yizhan.kit.security.Roles;
import org.yizhan.kit.time.AppClock;
import org.yizhan.station.domain.HostType;
import org.yizhan.station.domain.Station;
import org.yizhan.station.domain.standards.ComplianceRules;
import org.yizhan.station.domain.standards.ComplianceStatus;
import org.yizhan.station.domain.standards.Inspection;
import org.yizhan.station.domain.standards.InspectionItem;
import org.yizhan.station.domain.standards.InspectionKind;
import org.yizhan.station.domain.standards.InspectionResult;
import org.yizhan.station.domain.standards.Requirement;
import org.yizhan.station.domain.standards.Tier;
import org.yizhan.station.events.StationEvents;
import org.yizhan.station.service.StationAccess;
import org.yizhan.station.service.feedback.FeedbackText;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Inspections of stations against the standard's checklist, and the compliance and tier derived
 * from them. Union admins record inspections that count; a station's managers record self-checks
 * that are kept but change nothing.
 */
@ApplicationScoped
public class InspectionService {

    private static final String INSPECTIONS = "inspections";
    private static final String COMPLIANCE = "compliance";

    /** An inspection as a client sends it (lengths already checked by Bean Validation). */
    public record NewInspection(LocalDate inspectedOn, List<NewItem> items, String summary) {
    }

    public record NewItem(Requirement requirement, InspectionResult result, String finding) {
    }

    /** The inspection, and whether this request recorded it (false: a retry with the same Idempotency-Key). */
    public record Recorded(Inspection inspection, boolean created) {
    }

    /** A station's derived standing, with the latest counting inspection (null if none). */
    public record StationCompliance(UUID stationId, String name, String district, ComplianceRules.Outcome outcome,
                                    Inspection latest) {
    }

    /**
     * The detail of an INSPECTED history entry: the inspection's own result (PASSED when every basic
     * requirement was met) and the station's status and tier after it was recorded.
     */
    public record HistoryDetail(UUID inspectionId, InspectionKind kind, boolean counts, LocalDate inspectedOn,
                                String result, List<Requirement> failedRequirements, int optionalMet,
                                ComplianceStatus statusAfter, Tier tierAfter) {
    }

    private final EntityManager em;
    private final StationAccess access;
    private final IdempotencyKeys idempotencyKeys;
    private final StandardsSettings settings;
    private final StationEvents events;
    private final AppClock clock;

    public InspectionService(EntityManager em, StationAccess access, IdempotencyKeys idempotencyKeys,
                             StandardsSettings settings, StationEvents events, AppClock clock) {
        this.clock = clock;
        this.em = em;
        this.access = access;
        this.idempotencyKeys = idempotencyKeys;
        this.settings = settings;
        this.events = events;
    }

    public StandardsSettings settings() {
        return settings;
    }

    /**
     * Records an inspection: kind INSPECTION for a union admin, SELF_CHECK for a manager of the
     * station. 404 without the station, 403 for anyone else, 400 listing every invalid field.
     */
    @Transactional
    public Recorded record(UUID stationId, SecurityIdentity caller, NewInspection request, String idempotencyKey) {
        Station station = access.requireManageable(stationId, caller);
        new FieldErrors().addAll(problemsOf(request)).throwIfAny();
        String subject = caller.getPrincipal().getName();
        String scope = "inspection.record:" + subject;
        if (idempotencyKey != null) {
            var previous = idempotencyKeys.claim(scope, idempotencyKey, new Fingerprint(stationId, request));
            if (previous.isPresent()) {
                return new Recorded(em.find(Inspection.class, UUID.fromString(previous.get())), false);
            }
        }
        Inspection inspection = new Inspection();
        inspection.id = UUID.randomUUID();
        inspection.stationId = stationId;
        inspection.inspectedOn = request.inspectedOn();
        inspection.kind = caller.hasRole(Roles.UNION_ADMIN) ? InspectionKind.INSPECTION : InspectionKind.SELF_CHECK;
        inspection.recordedBy = subject;
        inspection.recordedAt = clock.now();
        inspection.summary = FeedbackText.clean(request.summary());
        for (NewItem item : request.items()) {
            inspection.items.add(new InspectionItem(item.requirement(), item.result(), FeedbackText.clean(item.finding())));
        }
        ComplianceRules.Latest summary = ComplianceRules.summarise(inspection.inspectedOn, inspection.items);
        inspection.failedBasic = Inspection.formatFailed(summary.failedBasic());
        inspection.optionalMet = summary.optionalMet();
        em.persist(inspection);
        em.flush();
        ComplianceRules.Outcome after = compliance(stationId).outcome();
        events.inspected(station, subject, inspection.recordedAt, new HistoryDetail(inspection.id, inspection.kind,
                inspection.kind.counts(), inspection.inspectedOn, summary.failedBasic().isEmpty() ? "PASSED" : "FAILED",
                summary.failedBasic().stream().sorted().toList(), summary.optionalMet(), after.status(), after.tier()));
        if (idempotencyKey != null) {
            idempotencyKeys.complete(scope, idempotencyKey, inspection.id.toString());
        }
        return new Recorded(inspection, true);
    }

    /** What makes a request the same request for Idempotency-Key purposes. */
    record Fingerprint(UUID stationId, NewInspection inspection) {
    }

    /** Everything wrong with {@code request} beyond single-field constraints; empty if nothing. */
    public List<Problem.FieldError> problemsOf(NewInspection request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        LocalDate today = settings.today();
        if (request.inspectedOn() != null && request.inspectedOn().isAfter(today)) {
            errors.add(new Problem.FieldError("inspectedOn", "不能晚于今天（" + today + "） / must not be in the future"));
        }
        if (request.items() == null) {
            return errors;
        }
        Map<Requirement, Integer> seen = new EnumMap<>(Requirement.class);
        for (int i = 0; i < request.items().size(); i++) {
            NewItem item = request.items().get(i);
            if (item == null || item.requirement() == null) {
                continue;
            }
            String path = "items[" + i + "]";
            if (seen.putIfAbsent(item.requirement(), i) != null) {
                errors.add(new Problem.FieldError(path + ".requirement", "重复：" + item.requirement()
                        + " 已在 items[" + seen.get(item.requirement()) + "] 出现 / " + item.requirement()
                        + " appears more than once"));
            }
            if (item.result() == InspectionResult.NOT_APPLICABLE && item.requirement().isBasic()) {
                errors.add(new Problem.FieldError(path + ".result",
                        "基本要求只能是 MET 或 NOT_MET / a basic requirement must be MET or NOT_MET"));
            }
            if (item.result() == InspectionResult.NOT_MET && FeedbackText.clean(item.finding()) == null) {
                errors.add(new Problem.FieldError(path + ".finding",
                        "未达标时必须写明发现的问题 / required when the result is NOT_MET"));
            }
        }
        Set<Requirement> missing = EnumSet.noneOf(Requirement.class);
        for (Requirement r : Requirement.values()) {
            if (r.isBasic() && !seen.containsKey(r)) {
                missing.add(r);
            }
        }
        if (!missing.isEmpty()) {
            String codes = missing.stream().map(Enum::name).collect(Collectors.joining(", "));
            errors.add(new Problem.FieldError("items", "缺少基本要求：" + codes + " / missing basic requirements: " + codes));
        }
        return errors;
    }

    /** A page of the station's inspections and self-checks, newest inspection date first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Inspection> ofStation(UUID stationId, SecurityIdentity caller, String cursor, int limit) {
        access.requireManageable(stationId, caller);
        KeysetCursor after = KeysetCursor.decode(INSPECTIONS, cursor, 3);
        String order = " order by inspectedOn desc, recordedAt desc, id desc";
        TypedQuery<Inspection> query;
        if (after == null) {
            query = em.createQuery("from Inspection where stationId = :station" + order, Inspection.class);
        } else {
            query = em.createQuery("from Inspection where stationId = :station and (inspectedOn < :on"
                            + " or (inspectedOn = :on and (recordedAt < :at or (recordedAt = :at and id < :id))))" + order,
                            Inspection.class)
                    .setParameter("on", after.date(0)).setParameter("at", after.instant(1))
                    .setParameter("id", after.uuid(2));
        }
        List<Inspection> rows = query.setParameter("station", stationId).setMaxResults(Keyset.fetchSize(limit))
                .getResultList();
        return Keyset.page(rows, limit, i -> KeysetCursor.of(INSPECTIONS, i.inspectedOn, i.recordedAt, i.id));
    }

    /** The station's standing today, for anyone; 404 without the station. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public StationCompliance compliance(UUID stationId) {
        Station station = access.requireExisting(stationId);
        List<Inspection> latest = em.createQuery("from Inspection where stationId = :station and kind = :kind"
                        + " order by inspectedOn desc, recordedAt desc, id desc", Inspection.class)
                .setParameter("station", stationId).setParameter("kind", InspectionKind.INSPECTION)
                .setMaxResults(1).getResultList();
        Inspection last = latest.isEmpty() ? null : latest.get(0);
        ComplianceRules.Latest counted = last == null ? null
                : new ComplianceRules.Latest(last.inspectedOn, last.failedBasicRequirements(), last.optionalMet);
        return new StationCompliance(station.id, station.name, station.district,
                settings.rules().evaluate(counted, settings.today()), last);
    }

    /**
     * The standing of every station that is not permanently CLOSED, optionally of some statuses,
     * tiers and one district: NON_COMPLIANT first, then OVERDUE, NOT_INSPECTED and COMPLIANT;
     * within a status the longest uninspected first (never inspected: by registration), then by id.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<StationCompliance> district(Set<ComplianceStatus> statuses, Set<Tier> tiers, String district,
                                            String cursor, int limit) {
        KeysetCursor after = KeysetCursor.decode(COMPLIANCE, cursor, 2);
        record Row(StationCompliance compliance, String key) {
        }
        List<Row> rows = new ArrayList<>();
        for (Standing standing : standings(district)) {
            ComplianceRules.Outcome outcome = standing.compliance().outcome();
            if ((statuses.isEmpty() || statuses.contains(outcome.status()))
                    && (tiers.isEmpty() || tiers.contains(outcome.tier()))) {
                LocalDate since = outcome.lastInspectedOn() != null ? outcome.lastInspectedOn() : standing.registeredOn();
                rows.add(new Row(standing.compliance(), outcome.status().ordinal() + ":" + since));
            }
        }
        Comparator<Row> order = Comparator.comparing(Row::key).thenComparing(row -> row.compliance().stationId());
        rows.sort(order);
        int from = 0;
        if (after != null) {
            Row mark = new Row(new StationCompliance(after.uuid(1), null, null, null, null), after.text(0));
            while (from < rows.size() && order.compare(rows.get(from), mark) <= 0) {
                from++;
            }
        }
        return Keyset.page(rows.subList(from, Math.min(rows.size(), from + Keyset.fetchSize(limit))), limit,
                row -> KeysetCursor.of(COMPLIANCE, row.key(), row.compliance().stationId())).map(Row::compliance);
    }

    /** The stations that are not CLOSED (of one district, or all), counted by host type and by tier today. */
    public record Figures(LocalDate on, int stations, Map<HostType, Integer> byHostType, Map<Tier, Integer> byTier) {
    }

    /**
     * The union's figures of its station network: the stations that are not permanently CLOSED, of
     * {@code district} (null: all), by host type and by the tier they have today. Every host type
     * and tier is listed, with zero when no station has it.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Figures figures(String district) {
        Map<HostType, Integer> byHostType = new EnumMap<>(HostType.class);
        Map<Tier, Integer> byTier = new EnumMap<>(Tier.class);
        for (HostType type : HostType.values()) {
            byHostType.put(type, 0);
        }
        for (Tier tier : Tier.values()) {
            byTier.put(tier, 0);
        }
        List<Standing> standings = standings(district);
        for (Standing standing : standings) {
            byHostType.merge(standing.hostType(), 1, Integer::sum);
            byTier.merge(standing.compliance().outcome().tier(), 1, Integer::sum);
        }
        return new Figures(settings.today(), standings.size(), byHostType, byTier);
    }

    /** A station that is not CLOSED, with what the district views need of it. */
    private record Standing(StationCompliance compliance, HostType hostType, LocalDate registeredOn) {
    }

    /**
     * The standing today of every station that is not permanently CLOSED, of {@code district}
     * (null: all). The rules are applied here to each station's latest counting inspection, which
     * one query reads; fine for the thousands of stations of a district.
     */
    private List<Standing> standings(String district) {
        LocalDate today = settings.today();
        var query = em.createNativeQuery("""
                select s.id, s.name, s.district, cast(s.registered_at as date), l.inspected_on, l.failed_basic,
                       l.optional_met, s.host_type
                from station s
                left join lateral (
                    select i.inspected_on, i.failed_basic, i.optional_met from station_inspection i
                    where i.station_id = s.id and i.kind = 'INSPECTION'
                    order by i.inspected_on desc, i.recorded_at desc, i.id desc limit 1) l on true
                where s.status <> 'CLOSED'""" + (district == null ? "" : " and s.district = :district"));
        if (district != null) {
            query.setParameter("district", district);
        }
        List<Standing> standings = new ArrayList<>();
        for (Object o : query.getResultList()) {
            Object[] r = (Object[]) o;
            LocalDate inspected = toDate(r[4]);
            ComplianceRules.Latest latest = inspected == null ? null
                    : new ComplianceRules.Latest(inspected, Inspection.parseFailed((String) r[5]), ((Number) r[6]).intValue());
            ComplianceRules.Outcome outcome = settings.rules().evaluate(latest, today);
            standings.add(new Standing(new StationCompliance((UUID) r[0], (String) r[1], (String) r[2], outcome, null),
                    HostType.valueOf((String) r[7]), toDate(r[3])));
        }
        return standings;
    }

    private static LocalDate toDate(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }
}
