package org.yizhan.checkup.service.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.yizhan.checkup.domain.campaign.Campaign;
import org.yizhan.checkup.domain.campaign.CampaignStatus;
import org.yizhan.checkup.events.CheckupEvents;
import org.yizhan.checkup.repository.CampaignRepository;
import org.yizhan.kit.idempotency.IdempotencyKeys;
import org.yizhan.kit.paging.Keyset;
import org.yizhan.kit.paging.KeysetCursor;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;
import org.yizhan.kit.time.AppClock;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** Planning and publishing checkup campaigns (union admins); reading them (everyone signed in). */
@ApplicationScoped
public class CampaignService {

    private static final String CURSOR = "campaigns";
    private static final Set<CampaignStatus> PUBLIC = EnumSet.of(CampaignStatus.PUBLISHED, CampaignStatus.CLOSED);

    /** The result of a create: the campaign, and whether this request created it (false for a retry). */
    public record Creation(Campaign campaign, boolean created) {
    }

    private final CampaignRepository campaigns;
    private final CheckupEvents events;
    private final IdempotencyKeys idempotency;
    private final AppClock clock;

    public CampaignService(CampaignRepository campaigns, CheckupEvents events, IdempotencyKeys idempotency,
                           AppClock clock) {
        this.campaigns = campaigns;
        this.events = events;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** Creates a draft. With an Idempotency-Key, a retry returns the draft the first request created. */
    @Transactional
    public Creation create(CampaignDetails details, String subject, String idempotencyKey) {
        String scope = "campaign.create:" + subject;
        if (idempotencyKey != null) {
            Optional<String> earlier = idempotency.claim(scope, idempotencyKey, details);
            if (earlier.isPresent()) {
                return new Creation(campaigns.findById(UUID.fromString(earlier.get())), false);
            }
        }
        Campaign c = new Campaign();
        c.id = UUID.randomUUID();
        c.name = details.name();
        c.year = details.year();
        c.organiser = details.organiser();
        c.description = details.description();
        c.packages = new TreeMap<>(details.packages());
        c.clinics = details.clinics().toArray(String[]::new);
        c.bookingOpensAt = details.bookingOpensAt();
        c.bookingClosesAt = details.bookingClosesAt();
        c.status = CampaignStatus.DRAFT;
        c.createdBy = subject;
        c.createdAt = clock.now();
        c.updatedAt = c.createdAt;
        campaigns.persist(c);
        if (idempotencyKey != null) {
            idempotency.complete(scope, idempotencyKey, c.id.toString());
        }
        return new Creation(c, true);
    }

    /**
     * DRAFT → PUBLISHED: workers see it and, within the booking window, book. Publishing a
     * published campaign again changes nothing; a campaign whose window has closed cannot be published.
     */
    @Transactional
    public Campaign publish(UUID id) {
        Campaign c = campaigns.findByIdOptional(id).orElseThrow(CampaignService::notFound);
        if (c.status == CampaignStatus.PUBLISHED) {
            return c;
        }
        if (c.status != CampaignStatus.DRAFT) {
            throw new ProblemException(ProblemType.CONFLICT, "活动已结束，不能发布", "The campaign is closed");
        }
        if (!c.bookingClosesAt.isAfter(clock.now())) {
            throw new ProblemException(ProblemType.CONFLICT, "预约期已过，不能发布",
                    "The booking window has already closed");
        }
        c.status = CampaignStatus.PUBLISHED;
        c.publishedAt = clock.now();
        c.updatedAt = c.publishedAt;
        campaigns.flush(); // the event carries the version after this change
        events.published(c);
        return c;
    }

    /** A campaign; drafts only for those who plan campaigns. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Campaign get(UUID id, boolean seesDrafts) {
        return campaigns.findByIdOptional(id)
                .filter(c -> seesDrafts || PUBLIC.contains(c.status))
                .orElseThrow(CampaignService::notFound);
    }

    /** Campaigns, newest year first; drafts only for those who plan campaigns. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Campaign> list(Set<CampaignStatus> statuses, Integer year, boolean seesDrafts, String cursor, int limit) {
        Set<CampaignStatus> visible = EnumSet.copyOf(statuses.isEmpty() ? EnumSet.allOf(CampaignStatus.class) : statuses);
        if (!seesDrafts) {
            visible.retainAll(PUBLIC);
        }
        if (visible.isEmpty()) {
            return new Page<>(java.util.List.of(), null);
        }
        KeysetCursor after = KeysetCursor.decode(CURSOR, cursor, 3);
        return Keyset.page(campaigns.page(visible, year, after, Keyset.fetchSize(limit)), limit,
                c -> KeysetCursor.of(CURSOR, c.year, c.createdAt, c.id));
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("体检活动", "The checkup campaign");
    }
}
