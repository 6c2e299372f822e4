package org.yizhan.legalaid.service.consultation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.yizhan.kit.idempotency.IdempotencyKeys;
import org.yizhan.kit.paging.Keyset;
import org.yizhan.kit.paging.KeysetCursor;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.privacy.FieldCipher;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;
import org.yizhan.kit.replica.StationReplica;
import org.yizhan.kit.time.AppClock;
import org.yizhan.legalaid.domain.audit.Actor;
import org.yizhan.legalaid.domain.audit.AuditAction;
import org.yizhan.legalaid.domain.consultation.Consultation;
import org.yizhan.legalaid.domain.consultation.ConsultationCategory;
import org.yizhan.legalaid.domain.consultation.ConsultationChannel;
import org.yizhan.legalaid.domain.consultation.ConsultationStatus;
import org.yizhan.legalaid.domain.duty.DutySession;
import org.yizhan.legalaid.events.LegalAidEvents;
import org.yizhan.legalaid.repository.ConsultationRepository;
import org.yizhan.legalaid.service.Creation;
import org.yizhan.legalaid.service.audit.Applicants;
import org.yizhan.legalaid.service.audit.AuditLog;
import org.yizhan.legalaid.service.duty.DutySessionService;

import java.util.UUID;

/**
 * Legal consultations: asked by a worker (or recorded by union staff on their behalf at a station),
 * answered by a lawyer or union staff. Every read and change is in the audit log; a refused read
 * is recorded as DENIED before the 403.
 */
@ApplicationScoped
public class ConsultationService {

    /** The audit log's name for consultations. */
    public static final String KIND = "CONSULTATION";
    static final String QUESTION_FIELD = "consultation.question";
    static final String ANSWER_FIELD = "consultation.answer";
    private static final String CURSOR = "consultations";

    private final ConsultationRepository consultations;
    private final ConsultationAccess access;
    private final DutySessionService sessions;
    private final StationReplica stations;
    private final LegalAidEvents events;
    private final AuditLog audit;
    private final Applicants applicants;
    private final IdempotencyKeys idempotency;
    private final FieldCipher cipher;
    private final AppClock clock;

    public ConsultationService(ConsultationRepository consultations, ConsultationAccess access,
                               DutySessionService sessions, StationReplica stations, LegalAidEvents events,
                               AuditLog audit, Applicants applicants, IdempotencyKeys idempotency,
                               FieldCipher cipher, AppClock clock) {
        this.consultations = consultations;
        this.access = access;
        this.sessions = sessions;
        this.stations = stations;
        this.events = events;
        this.audit = audit;
        this.applicants = applicants;
        this.idempotency = idempotency;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** Records the question; with an Idempotency-Key a retry answers the consultation the first request created. */
    @Transactional
    public Creation<Consultation> ask(NewConsultation details, Actor caller, String idempotencyKey) {
        cipher.requireConfigured();
        Applicants.Recorded asker = applicants.of(caller, details.onBehalfOf());
        String scope = "consultation.ask:" + caller.id();
        if (idempotencyKey != null) {
            var earlier = idempotency.claim(scope, idempotencyKey, details);
            if (earlier.isPresent()) {
                Consultation c = find(UUID.fromString(earlier.get()));
                audit.record(caller, AuditAction.READ, KIND, c.id, "retry");
                return new Creation<>(c, false);
            }
        }
        if (asker.recordedBy() != null && details.channel() == ConsultationChannel.ONLINE) {
            throw ProblemException.invalidField("channel", "代为登记须在站点或值班时 / recorded at a station or a session");
        }
        Consultation c = new Consultation();
        c.id = UUID.randomUUID();
        c.person = asker.person();
        c.recordedBy = asker.recordedBy();
        c.channel = details.channel();
        if (details.channel() == ConsultationChannel.SESSION) {
            DutySession session = sessions.find(details.sessionId())
                    .orElseThrow(() -> ProblemException.invalidField("sessionId", "值班安排不存在 / no such session"));
            c.sessionId = session.id;
            c.stationId = session.stationId;
        } else if (details.channel() == ConsultationChannel.STATION) {
            c.stationId = stations.find(details.stationId())
                    .orElseThrow(() -> ProblemException.invalidField("stationId", "站点不存在 / no such station")).stationId();
        }
        c.category = details.category();
        c.questionEncrypted = cipher.encrypt(details.question(), QUESTION_FIELD);
        c.status = ConsultationStatus.OPEN;
        c.askedAt = clock.now();
        consultations.persist(c);
        if (idempotencyKey != null) {
            idempotency.complete(scope, idempotencyKey, c.id.toString());
        }
        audit.record(caller, AuditAction.CREATE, KIND, c.id, null);
        return new Creation<>(c, true);
    }

    /** Answers an open consultation; publishes consultation.answered (no personal details). */
    @Transactional
    public Consultation answer(UUID id, String answer, Actor caller) {
        Consultation c = find(id);
        if (!access.mayAnswer(caller)) {
            throw audit.denied(caller, KIND, id, null);
        }
        if (c.status != ConsultationStatus.OPEN) {
            throw new ProblemException(ProblemType.CONFLICT, "该咨询已答复", "The consultation has been answered");
        }
        c.answerEncrypted = cipher.encrypt(answer, ANSWER_FIELD);
        c.answeredBy = caller.subject();
        c.answeredRole = caller.role();
        c.answeredAt = clock.now();
        c.status = ConsultationStatus.ANSWERED;
        events.answered(c);
        audit.record(caller, AuditAction.UPDATE, KIND, c.id, null);
        return c;
    }

    /**
     * The consultation, for the asker, or for staff who may see it and say why ({@code purpose});
     * anyone else gets a 403 that the audit log records.
     */
    @Transactional
    public Consultation read(UUID id, String purpose, Actor caller) {
        Consultation c = find(id);
        audit.read(caller, KIND, c.id, access.maySee(caller, c), access.isAsker(caller, c), purpose);
        return c;
    }

    /** The worker's own consultations, newest first. */
    @Transactional
    public Page<Consultation> mine(Actor worker, ConsultationStatus status, String cursor, int limit) {
        return page(ConsultationRepository.Scope.ASKER, worker, status, null, cursor, limit);
    }

    /**
     * The consultations a lawyer or staff member may see (lawyers: the open ones and those they
     * answered; staff: those they recorded or answered; admins: all), newest first.
     */
    @Transactional
    public Page<Consultation> list(Actor caller, ConsultationStatus status, ConsultationCategory category,
                                   String cursor, int limit) {
        ConsultationRepository.Scope scope = access.listScope(caller)
                .orElseThrow(() -> audit.denied(caller, KIND, null, null));
        return page(scope, caller, status, category, cursor, limit);
    }

    private Page<Consultation> page(ConsultationRepository.Scope scope, Actor caller, ConsultationStatus status,
                                    ConsultationCategory category, String cursor, int limit) {
        KeysetCursor after = KeysetCursor.decode(CURSOR, cursor, 2);
        Page<Consultation> page = Keyset.page(consultations.list(scope, caller.id(), status, category, after,
                Keyset.fetchSize(limit)), limit, c -> KeysetCursor.of(CURSOR, c.askedAt, c.id));
        audit.record(caller, AuditAction.LIST, KIND, null, null);
        return page;
    }

    public String question(Consultation c) {
        return cipher.decrypt(c.questionEncrypted, QUESTION_FIELD);
    }

    public String answer(Consultation c) {
        return cipher.decrypt(c.answerEncrypted, ANSWER_FIELD);
    }

    /** The consultation, or 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Consultation find(UUID id) {
        return consultations.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("咨询", "The consultation"));
    }
}
