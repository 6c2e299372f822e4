package org.yizhan.services.service.activity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.yizhan.kit.time.AppClock;
import jakarta.transaction.Transactional;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;
import org.yizhan.services.domain.activity.ActivityType;
import org.yizhan.services.domain.activity.Partner;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The activity taxonomy and the partner departments: read by everybody, extended by admins. */
@ApplicationScoped
public class ActivityCatalog {

    private final EntityManager em;
    private final AppClock clock;

    public ActivityCatalog(EntityManager em, AppClock clock) {
        this.clock = clock;
        this.em = em;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ActivityType> types() {
        return em.createQuery("from ActivityType order by builtin desc, code", ActivityType.class).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Partner> partners() {
        return em.createQuery("from Partner order by code", Partner.class).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean typeExists(String code) {
        return code != null && em.find(ActivityType.class, code) != null;
    }

    /** The codes among {@code codes} that are not registered partners. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> unknownPartners(Set<String> codes) {
        if (codes.isEmpty()) {
            return Set.of();
        }
        Set<String> known = em.createQuery("select p.code from Partner p where p.code in :codes", String.class)
                .setParameter("codes", codes).getResultStream().collect(Collectors.toSet());
        return codes.stream().filter(c -> !known.contains(c)).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** Adds a type to the taxonomy; 409 if the code is taken. */
    @Transactional
    public ActivityType addType(String code, String nameZh, String nameEn) {
        if (em.find(ActivityType.class, code) != null) {
            throw new ProblemException(ProblemType.CONFLICT, "活动类型代码已存在", "This activity type code exists already");
        }
        requireRoom(ActivityType.class);
        ActivityType type = new ActivityType();
        type.code = code;
        type.nameZh = nameZh;
        type.nameEn = nameEn;
        type.builtin = false;
        type.createdAt = clock.now();
        em.persist(type);
        return type;
    }

    /** Registers a partner department; 409 if the code is taken. */
    @Transactional
    public Partner addPartner(String code, String nameZh, String nameEn) {
        if (em.find(Partner.class, code) != null) {
            throw new ProblemException(ProblemType.CONFLICT, "合作单位代码已存在", "This partner code exists already");
        }
        requireRoom(Partner.class);
        Partner partner = new Partner();
        partner.code = code;
        partner.nameZh = nameZh;
        partner.nameEn = nameEn;
        partner.createdAt = clock.now();
        em.persist(partner);
        return partner;
    }

    /** @throws ProblemException 409 when the catalogue holds {@link ActivityRules#CATALOG_ENTRIES_MAX} entries */
    private void requireRoom(Class<?> entity) {
        long entries = em.createQuery("select count(e) from " + entity.getSimpleName() + " e", Long.class).getSingleResult();
        if (entries >= ActivityRules.CATALOG_ENTRIES_MAX) {
            throw new ProblemException(ProblemType.CONFLICT, "目录已满（" + ActivityRules.CATALOG_ENTRIES_MAX + " 项）",
                    "The catalogue is full (" + ActivityRules.CATALOG_ENTRIES_MAX + " entries)");
        }
    }
}
