package org.yizhan.legalaid.service.duty;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.yizhan.kit.paging.Keyset;
import org.yizhan.kit.paging.KeysetCursor;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.privacy.FieldCipher;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;
import org.yizhan.kit.time.AppClock;
import org.yizhan.legalaid.domain.audit.Actor;
import org.yizhan.legalaid.domain.audit.AuditAction;
import org.yizhan.legalaid.domain.duty.Lawyer;
import org.yizhan.legalaid.repository.LawyerRepository;
import org.yizhan.legalaid.service.audit.AuditLog;

import java.util.Optional;
import java.util.UUID;

/** The lawyers union admins register: name encrypted, known by the subject of their token. */
@ApplicationScoped
public class LawyerService {

    /** The audit log's name for lawyers. */
    public static final String KIND = "LAWYER";
    static final String NAME_FIELD = "lawyer.name";
    private static final String CURSOR = "lawyers";

    private final LawyerRepository lawyers;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final AppClock clock;

    public LawyerService(LawyerRepository lawyers, FieldCipher cipher, AuditLog audit, AppClock clock) {
        this.lawyers = lawyers;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Lawyer register(NewLawyer details, Actor admin) {
        cipher.requireConfigured();
        if (lawyers.taken(details.subject(), details.licenceNumber())) {
            throw new ProblemException(ProblemType.CONFLICT, "该律师（执业证号或账号）已登记",
                    "A lawyer with this licence number or account is already registered");
        }
        Lawyer l = new Lawyer();
        l.id = UUID.randomUUID();
        l.subject = details.subject();
        l.nameEncrypted = cipher.encrypt(details.name(), NAME_FIELD);
        l.licenceNumber = details.licenceNumber();
        l.firm = details.firm();
        l.createdAt = clock.now();
        lawyers.persist(l);
        audit.record(admin, AuditAction.CREATE, KIND, l.id, null);
        return l;
    }

    @Transactional
    public Page<Lawyer> list(Actor reader, String cursor, int limit) {
        KeysetCursor after = KeysetCursor.decode(CURSOR, cursor, 2);
        Page<Lawyer> page = Keyset.page(lawyers.page(after, Keyset.fetchSize(limit)), limit,
                l -> KeysetCursor.of(CURSOR, l.createdAt, l.id));
        audit.record(reader, AuditAction.LIST, KIND, null, null);
        return page;
    }

    /** The registered lawyer the caller is, if any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Lawyer> of(Actor caller) {
        return lawyers.bySubject(caller.subject());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Lawyer require(UUID lawyerId, String field) {
        return lawyers.findByIdOptional(lawyerId)
                .orElseThrow(() -> ProblemException.invalidField(field, "律师未登记 / no such lawyer"));
    }

    /** The lawyer's name, for masking in answers (never logged). */
    public String name(Lawyer l) {
        return cipher.decrypt(l.nameEncrypted, NAME_FIELD);
    }
}
