package org.yizhan.legalaid.service.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.yizhan.kit.figures.FiguresPeriod;
import org.yizhan.kit.idempotency.IdempotencyKeys;
import org.yizhan.kit.paging.Keyset;
import org.yizhan.kit.paging.KeysetCursor;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.privacy.FieldCipher;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.security.Roles;
import org.yizhan.kit.time.AppClock;
import org.yizhan.legalaid.domain.audit.Actor;
import org.yizhan.legalaid.domain.audit.ActorKind;
import org.yizhan.legalaid.domain.audit.AuditAction;
import org.yizhan.legalaid.domain.application.ApplicationWorker;
import org.yizhan.legalaid.domain.application.ConflictDecision;
import org.yizhan.legalaid.domain.application.DecisionDeadline;
import org.yizhan.legalaid.domain.application.LegalAidApplication;
import org.yizhan.legalaid.domain.application.MatchReason;
import org.yizhan.legalaid.domain.application.OpposingPartyNames;
import org.yizhan.legalaid.domain.consultation.Consultation;
import org.yizhan.kit.replica.ReplicatedStation;
import org.yizhan.kit.replica.StationReplica;
import org.yizhan.legalaid.repository.ApplicationRepository;
import org.yizhan.legalaid.repository.ApplicationWorkerRepository;
import org.yizhan.legalaid.repository.CaseLawyerRepository;
import org.yizhan.legalaid.service.duty.LawyerService;
import org.yizhan.legalaid.service.Creation;
import org.yizhan.legalaid.service.audit.Applicants;
import org.yizhan.legalaid.service.audit.AuditLog;
import org.yizhan.legalaid.service.consultation.ConsultationAccess;
import org.yizhan.legalaid.service.consultation.ConsultationService;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Intake of legal-aid applications: the applicant (a worker, or union staff on their behalf), the
 * opposing party, facts, amount claimed and document references; the decision deadline of 7 working
 * days from the day it is complete; and the duplicate and conflict check against every other
 * application (pending intakes included), whose decision union staff record.
 */
@ApplicationScoped
public class ApplicationService {

    /** The audit log's name for applications. */
    public static final String KIND = "APPLICATION";
    static final String NAME_FIELD = "application.opposing_name";
    static final String KEY_FIELD = "application.opposing_key";
    static final String FACTS_FIELD = "application.facts";
    private static final String MINE = "my-applications";

    /** Another application the check found, and why. */
    public record Match(LegalAidApplication application, Set<MatchReason> reasons) {
    }

    private final ApplicationRepository applications;
    private final ConsultationService consultations;
    private final ConsultationAccess consultationAccess;
    private final AuditLog audit;
    private final Applicants applicants;
    private final IdempotencyKeys idempotency;
    private final LawyerService lawyers;
    private final CaseLawyerRepository caseLawyers;
    private final ApplicationWorkerRepository workers;
    private final StationReplica stations;
    private final FieldCipher cipher;
    private final AppClock clock;
    private final DecisionDeadline deadlines = DecisionDeadline.china();

    public ApplicationService(ApplicationRepository applications, ConsultationService consultations,
                              ConsultationAccess consultationAccess, AuditLog audit, Applicants applicants,
                              IdempotencyKeys idempotency, LawyerService lawyers, CaseLawyerRepository caseLawyers,
                              ApplicationWorkerRepository workers, StationReplica stations, FieldCipher cipher,
                              AppClock clock) {
        this.workers = workers;
        this.stations = stations;
        this.lawyers = lawyers;
        this.caseLawyers = caseLawyers;
        this.applications = applications;
        this.consultations = consultations;
        this.consultationAccess = consultationAccess;
        this.audit = audit;
        this.applicants = applicants;
        this.idempotency = idempotency;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** Takes the application in; with an Idempotency-Key a retry answers the application the first request created. */
    @Transactional
    public Creation<LegalAidApplication> take(NewApplication details, Actor caller, String idempotencyKey) {
        cipher.requireConfigured();
        Applicants.Recorded applicant = applicants.of(caller, details.onBehalfOf());
        String scope = "application.take:" + caller.id();
        if (idempotencyKey != null) {
            var earlier = idempotency.claim(scope, idempotencyKey, details);
            if (earlier.isPresent()) {
                LegalAidApplication a = find(UUID.fromString(earlier.get()));
                audit.record(caller, AuditAction.READ, KIND, a.id, "retry");
                return new Creation<>(a, false);
            }
        }
        LegalAidApplication a = new LegalAidApplication();
        a.id = UUID.randomUUID();
        a.applicant = applicant.person();
        a.recordedBy = applicant.recordedBy();
        String facts = details.facts();
        a.category = details.category();
        UUID consultationStation = null;
        if (details.consultationId() != null) {
            Consultation c = consultations.find(details.consultationId());
            if (!c.person.equals(a.applicant) || !consultationAccess.maySee(caller, c)) {
                throw ProblemException.invalidField("consultationId", "不是申请人的咨询 / not a consultation of the applicant");
            }
            a.consultationId = c.id;
            consultationStation = c.stationId;
            facts = facts != null ? facts : consultations.question(c);
            a.category = a.category != null ? a.category : c.category;
        }
        if (facts == null || a.category == null) {
            throw ProblemException.invalidField(facts == null ? "facts" : "category", "必填（或给出 consultationId） / required "
                    + "(or give consultationId)");
        }
        a.opposingNameEncrypted = cipher.encrypt(details.opposingPartyName(), NAME_FIELD);
        a.opposingKey = cipher.lookup(OpposingPartyNames.key(details.opposingPartyName()), KEY_FIELD);
        a.creditCode = details.creditCode();
        a.factsEncrypted = cipher.encrypt(facts, FACTS_FIELD);
        a.documentRefs = List.copyOf(details.documentRefs());
        place(a, details, consultationStation);
        a.status = "INTAKE";
        a.receivedAt = clock.now();
        a.completeOn = a.receivedAt.atZone(FiguresPeriod.BEIJING).toLocalDate();
        a.decideBy = deadlines.decideBy(a.completeOn, List.of()).orElseThrow();
        applications.persist(a);
        a.amountClaimedFen = addWorkers(a, details);
        if (idempotencyKey != null) {
            idempotency.complete(scope, idempotencyKey, a.id.toString());
        }
        audit.record(caller, AuditAction.CREATE, KIND, a.id, null);
        return new Creation<>(a, true);
    }

    /**
     * Where the application counts (ADR 0019): the district of the station where staff take it, else
     * the district given at intake, else that of the station where its consultation was taken.
     */
    private void place(LegalAidApplication a, NewApplication details, UUID consultationStation) {
        if (details.stationId() != null) {
            if (a.recordedBy == null) {
                throw ProblemException.invalidField("stationId", "只有工会工作人员在站点登记时给出 / given by union staff "
                        + "recording at a station");
            }
            ReplicatedStation station = stations.find(details.stationId()).orElseThrow(() -> ProblemException
                    .invalidField("stationId", "站点不存在 / no such station"));
            a.stationId = station.stationId();
            a.district = station.district();
        } else if (details.district() != null) {
            a.district = details.district();
        } else if (consultationStation != null) {
            a.district = stations.find(consultationStation).map(ReplicatedStation::district).orElse(null);
        }
    }

    /**
     * Stores the workers of the application: the applicant (worker 1) and the co-applicants in the
     * order given, each once; returns the amount claimed, their sum.
     */
    private long addWorkers(LegalAidApplication a, NewApplication details) {
        List<ApplicationWorker> rows = new ArrayList<>();
        rows.add(worker(a.id, 1, a.applicant, details.amountClaimedFen()));
        Set<String> persons = new HashSet<>(Set.of(a.applicant));
        for (int i = 0; i < details.coApplicants().size(); i++) {
            NewApplication.CoApplicant co = details.coApplicants().get(i);
            String person = applicants.coWorker(co.account());
            if (!persons.add(person)) {
                throw ProblemException.invalidField("coApplicants[" + i + "].account", "重复的职工 / the worker is "
                        + "already in the application");
            }
            rows.add(worker(a.id, i + 2, person, co.claimedFen()));
        }
        workers.persist(rows);
        return rows.stream().mapToLong(w -> w.claimedFen).sum();
    }

    private static ApplicationWorker worker(UUID applicationId, int position, String person, long claimedFen) {
        ApplicationWorker w = new ApplicationWorker();
        w.applicationId = applicationId;
        w.position = position;
        w.person = person;
        w.claimedFen = claimedFen;
        return w;
    }

    /** The workers of the application (worker 1 the applicant), in order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ApplicationWorker> workersOf(LegalAidApplication a) {
        return workers.of(a.id);
    }

    /** The application, for its applicant, or for union staff who may see it and say why. */
    @Transactional
    public LegalAidApplication read(UUID id, String purpose, Actor caller) {
        LegalAidApplication a = find(id);
        audit.read(caller, KIND, a.id, maySee(caller, a), isApplicant(caller, a), purpose);
        return a;
    }

    /** The other applications of the same applicant, opposing party or credit code (read audited). */
    @Transactional
    public List<Match> conflicts(UUID id, String purpose, Actor caller) {
        LegalAidApplication a = find(id);
        audit.read(caller, KIND, a.id, mayDecide(caller, a), false, purpose);
        List<LegalAidApplication> matches = applications.matches(a);
        List<UUID> ids = new ArrayList<>(matches.stream().map(m -> m.id).toList());
        ids.add(a.id);
        Map<UUID, Set<String>> persons = workers.personsOf(ids);
        return matches.stream().map(m -> new Match(m, reasons(a, m, persons))).toList();
    }

    /** Records the decision taken on the check's matches; deciding again replaces it (both audited). */
    @Transactional
    public LegalAidApplication decide(UUID id, ConflictDecision decision, String note, Actor caller) {
        LegalAidApplication a = find(id);
        if (!mayDecide(caller, a)) {
            throw audit.denied(caller, KIND, id, null);
        }
        a.conflictDecision = decision;
        a.conflictNote = note;
        a.conflictDecidedBy = caller.subject();
        a.conflictDecidedAt = clock.now();
        audit.record(caller, AuditAction.UPDATE, KIND, a.id, "conflict check: " + decision);
        return a;
    }

    /** The worker's own applications, newest first. */
    @Transactional
    public Page<LegalAidApplication> mine(Actor worker, boolean open, String cursor, int limit) {
        KeysetCursor after = KeysetCursor.decode(MINE, cursor, 2);
        Page<LegalAidApplication> page = Keyset.page(applications.ofApplicant(worker.id(), open, after,
                Keyset.fetchSize(limit)), limit, a -> KeysetCursor.of(MINE, a.receivedAt, a.id));
        audit.record(worker, AuditAction.LIST, KIND, null, null);
        return page;
    }

    public String opposingPartyName(LegalAidApplication a) {
        return cipher.decrypt(a.opposingNameEncrypted, NAME_FIELD);
    }

    public String facts(LegalAidApplication a) {
        return cipher.decrypt(a.factsEncrypted, FACTS_FIELD);
    }

    private static Set<MatchReason> reasons(LegalAidApplication a, LegalAidApplication m,
                                            Map<UUID, Set<String>> persons) {
        Set<MatchReason> reasons = EnumSet.noneOf(MatchReason.class);
        if (!Collections.disjoint(persons.getOrDefault(a.id, Set.of()), persons.getOrDefault(m.id, Set.of()))) {
            reasons.add(MatchReason.SAME_APPLICANT);
        }
        if (m.opposingKey.equals(a.opposingKey)) {
            reasons.add(MatchReason.SAME_OPPOSING_PARTY);
        }
        if (a.creditCode != null && a.creditCode.equals(m.creditCode)) {
            reasons.add(MatchReason.SAME_CREDIT_CODE);
        }
        return reasons;
    }

    /** Whether the caller is one of the application's workers: the applicant or a co-applicant. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isApplicant(Actor caller, LegalAidApplication a) {
        return caller.kind() == ActorKind.PERSON && workers.isWorker(a.id, caller.id());
    }

    /** The applicant and co-applicants, the lawyers assigned to it, union admins and the union staff member who recorded it. */
    boolean maySee(Actor caller, LegalAidApplication a) {
        return isApplicant(caller, a) || mayDecide(caller, a) || caller.is(Roles.LAWYER)
                && lawyers.of(caller).map(l -> caseLawyers.isAssigned(a.id, l.id)).orElse(false);
    }

    /** Who records what happens in a case (amounts, stages, closing): union admins and the case's lawyers. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean mayRecordOnCase(Actor caller, LegalAidApplication a) {
        return caller.is(Roles.UNION_ADMIN) || caller.is(Roles.LAWYER) && maySee(caller, a);
    }

    /** The lawyers assigned to it, first assigned first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID> lawyersOf(LegalAidApplication a) {
        return caseLawyers.lawyersOf(a.id);
    }

    /** Union admins, and the union staff member who recorded it. */
    static boolean mayDecide(Actor caller, LegalAidApplication a) {
        return caller.is(Roles.UNION_ADMIN) || caller.is(Roles.UNION_STAFF) && caller.subject().equals(a.recordedBy);
    }

    /** The application locked until the transaction ends (changes of one case one after the other), or 404. */
    @Transactional(Transactional.TxType.MANDATORY)
    public LegalAidApplication findLocked(UUID id) {
        return applications.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("法律援助申请", "The application"));
    }

    /** The application, or 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LegalAidApplication find(UUID id) {
        return applications.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("法律援助申请", "The application"));
    }
}
