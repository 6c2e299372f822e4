package org.yizhan.legalaid.service.relief;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.yizhan.kit.idempotency.IdempotencyKeys;
import org.yizhan.kit.paging.Keyset;
import org.yizhan.kit.paging.KeysetCursor;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.privacy.FieldCipher;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;
import org.yizhan.kit.replica.ReplicatedStation;
import org.yizhan.kit.replica.StationReplica;
import org.yizhan.kit.security.Roles;
import org.yizhan.kit.time.AppClock;
import org.yizhan.legalaid.domain.application.LegalAidApplication;
import org.yizhan.legalaid.domain.audit.Actor;
import org.yizhan.legalaid.domain.audit.AuditAction;
import org.yizhan.legalaid.domain.relief.ReliefApplication;
import org.yizhan.legalaid.domain.relief.ReliefStatus;
import org.yizhan.legalaid.repository.ApplicationRepository;
import org.yizhan.legalaid.repository.CaseLawyerRepository;
import org.yizhan.legalaid.repository.ReliefRepository;
import org.yizhan.legalaid.service.Creation;
import org.yizhan.legalaid.service.application.ApplicationService;
import org.yizhan.legalaid.service.audit.Applicants;
import org.yizhan.legalaid.service.audit.AuditLog;
import org.yizhan.legalaid.service.duty.LawyerService;

import java.util.List;
import java.util.UUID;

/**
 * Serious-illness relief applications: made by a worker, recorded by union staff on a worker's
 * behalf, or referred from a legal-aid case in one step. Every read and change is in the audit log
 * (kind RELIEF); a refused one is recorded as DENIED before the 403.
 */
@ApplicationScoped
public class ReliefService {

    /** The audit log's name for relief files. */
    public static final String KIND = "RELIEF";
    static final String DESCRIPTION_FIELD = "relief.description";
    private static final String CURSOR = "relief";

    private final ReliefRepository reliefs;
    private final ReliefAccess access;
    private final ApplicationRepository caseRows;
    private final LawyerService lawyers;
    private final CaseLawyerRepository caseLawyers;
    private final StationReplica stations;
    private final AuditLog audit;
    private final Applicants applicants;
    private final IdempotencyKeys idempotency;
    private final FieldCipher cipher;
    private final AppClock clock;

    public ReliefService(ReliefRepository reliefs, ReliefAccess access, ApplicationRepository caseRows,
                         LawyerService lawyers, CaseLawyerRepository caseLawyers, StationReplica stations,
                         AuditLog audit, Applicants applicants, IdempotencyKeys idempotency, FieldCipher cipher,
                         AppClock clock) {
        this.reliefs = reliefs;
        this.access = access;
        this.caseRows = caseRows;
        this.lawyers = lawyers;
        this.caseLawyers = caseLawyers;
        this.stations = stations;
        this.audit = audit;
        this.applicants = applicants;
        this.idempotency = idempotency;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** Records the application; with an Idempotency-Key a retry answers the file the first request created. */
    @Transactional
    public Creation<ReliefApplication> apply(NewRelief details, Actor caller, String idempotencyKey) {
        cipher.requireConfigured();
        Applicants.Recorded applicant = applicants.of(caller, details.onBehalfOf());
        String scope = "relief.apply:" + caller.id();
        if (idempotencyKey != null) {
            var earlier = idempotency.claim(scope, idempotencyKey, details);
            if (earlier.isPresent()) {
                ReliefApplication r = find(UUID.fromString(earlier.get()));
                audit.record(caller, AuditAction.READ, KIND, r.id, "retry");
                return new Creation<>(r, false);
            }
        }
        ReliefApplication r = create(details, applicant.person());
        r.recordedBy = applicant.recordedBy();
        reliefs.persist(r);
        if (idempotencyKey != null) {
            idempotency.complete(scope, idempotencyKey, r.id.toString());
        }
        audit.record(caller, AuditAction.CREATE, KIND, r.id, null);
        return new Creation<>(r, true);
    }

    /**
     * Refers the client of an accepted case to relief in one step: the case's lawyers or a union
     * admin. From the case only its applicant (the pseudonym) and its id are carried; the relief
     * details are the referrer's. One open referral per case.
     */
    @Transactional
    public ReliefApplication refer(UUID caseId, NewRelief details, Actor caller) {
        cipher.requireConfigured();
        // The case's row is locked, so that two referrals at once take turns and the second sees the first.
        LegalAidApplication c = caseRows.findByIdOptional(caseId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("法律援助申请", "The application"));
        boolean caseLawyer = caller.is(Roles.LAWYER)
                && lawyers.of(caller).map(l -> caseLawyers.isAssigned(c.id, l.id)).orElse(false);
        if (!caller.is(Roles.UNION_ADMIN) && !caseLawyer) {
            throw audit.denied(caller, ApplicationService.KIND, caseId, "relief referral");
        }
        if (!"ACCEPTED".equals(c.status)) {
            throw new ProblemException(ProblemType.CONFLICT, "只有办理中的案件可以转介大病救助",
                    "Only an open case refers its client to relief");
        }
        if (reliefs.count("caseId = ?1 and status <> ?2", c.id, ReliefStatus.REJECTED) > 0) {
            throw new ProblemException(ProblemType.CONFLICT, "该案件已转介大病救助",
                    "The case has referred its client to relief already");
        }
        ReliefApplication r = create(details, c.applicant);
        r.caseId = c.id;
        r.referredBy = caller.subject();
        reliefs.persist(r);
        audit.record(caller, AuditAction.READ, ApplicationService.KIND, c.id, "relief referral");
        audit.record(caller, AuditAction.CREATE, KIND, r.id, "referred from a case");
        return r;
    }

    private ReliefApplication create(NewRelief details, String applicant) {
        ReliefApplication r = new ReliefApplication();
        r.id = UUID.randomUUID();
        r.applicant = applicant;
        if (details.stationId() != null) {
            ReplicatedStation station = stations.find(details.stationId())
                    .orElseThrow(() -> ProblemException.invalidField("stationId", "站点不存在 / no such station"));
            r.stationId = station.stationId();
            r.district = station.district();
        }
        r.illnessCategory = details.illnessCategory();
        r.amountRequestedFen = details.amountRequestedFen();
        r.monthlyHouseholdIncomeFen = details.monthlyHouseholdIncomeFen();
        r.householdSize = details.householdSize();
        r.documentRefs = List.copyOf(details.documentRefs());
        r.descriptionEncrypted = cipher.encrypt(details.description(), DESCRIPTION_FIELD);
        r.status = ReliefStatus.SUBMITTED;
        r.submittedAt = clock.now();
        return r;
    }

    /** The file, for its applicant, or for union staff who may see it and say why. */
    @Transactional
    public ReliefApplication read(UUID id, String purpose, Actor caller) {
        ReliefApplication r = find(id);
        audit.read(caller, KIND, r.id, access.maySee(caller, r), access.isApplicant(caller, r), purpose);
        return r;
    }

    /** The worker's own relief files, newest first. */
    @Transactional
    public Page<ReliefApplication> mine(Actor worker, ReliefStatus status, String cursor, int limit) {
        return page(ReliefRepository.Scope.APPLICANT, worker, status, cursor, limit);
    }

    /** Union staff: the files they recorded or reviewed; union admins: all. Newest first. */
    @Transactional
    public Page<ReliefApplication> list(Actor caller, ReliefStatus status, String cursor, int limit) {
        ReliefRepository.Scope scope = access.listScope(caller).orElseThrow(() -> audit.denied(caller, KIND, null, null));
        return page(scope, caller, status, cursor, limit);
    }

    private Page<ReliefApplication> page(ReliefRepository.Scope scope, Actor caller, ReliefStatus status,
                                         String cursor, int limit) {
        KeysetCursor after = KeysetCursor.decode(CURSOR, cursor, 2);
        Page<ReliefApplication> page = Keyset.page(reliefs.list(scope, caller.id(), status, after,
                Keyset.fetchSize(limit)), limit,
                r -> KeysetCursor.of(CURSOR, r.submittedAt, r.id));
        audit.record(caller, AuditAction.LIST, KIND, null, null);
        return page;
    }

    public String description(ReliefApplication r) {
        return cipher.decrypt(r.descriptionEncrypted, DESCRIPTION_FIELD);
    }

    /** The file, or 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ReliefApplication find(UUID id) {
        return reliefs.findByIdOptional(id).orElseThrow(ReliefService::notFound);
    }

    /**
     * The file locked for a change (select … for update), or 404: two reviewers or payments at once
     * take turns, and the second sees what the first did.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ReliefApplication lock(UUID id) {
        return reliefs.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElseThrow(ReliefService::notFound);
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("救助申请", "The relief application");
    }
}
