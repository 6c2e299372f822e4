package org.yizhan.checkup.service.quota;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.yizhan.checkup.domain.campaign.Campaign;
import org.yizhan.checkup.domain.quota.Quota;
import org.yizhan.checkup.repository.CampaignRepository;
import org.yizhan.checkup.repository.QuotaRepository;
import org.yizhan.checkup.repository.SiteRepository;
import org.yizhan.events.Occupation;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Setting and reading a campaign's quotas. */
@ApplicationScoped
public class QuotaService {

    /** The most quotas one campaign may have. */
    public static final int MAX_QUOTAS = 200;

    private final QuotaRepository quotas;
    private final CampaignRepository campaigns;
    private final SiteRepository sites;

    public QuotaService(QuotaRepository quotas, CampaignRepository campaigns, SiteRepository sites) {
        this.quotas = quotas;
        this.campaigns = campaigns;
        this.sites = sites;
    }

    /**
     * Sets the places of the quota for this occupation, site (or every site) and day (or every
     * day); the places cannot drop below those already taken. Applies to bookings made from now on.
     */
    @Transactional
    public Quota set(UUID campaignId, Occupation occupation, UUID siteId, LocalDate day, int places) {
        Campaign campaign = campaigns.findByIdOptional(campaignId)
                .orElseThrow(() -> ProblemException.notFound("体检活动", "The checkup campaign"));
        if (!campaign.packages.containsKey(occupation)) {
            throw ProblemException.invalidField("occupation", "本次体检不面向该职业 / the campaign is not for this occupation");
        }
        if (siteId != null && sites.findByIdOptional(siteId).filter(s -> s.campaignId.equals(campaignId)).isEmpty()) {
            throw ProblemException.invalidField("siteId", "不是本活动的地点 / not a site of this campaign");
        }
        Quota quota = quotas.scope(campaignId, occupation, siteId, day).orElse(null);
        if (quota == null) {
            if (quotas.count("campaignId", campaignId) >= MAX_QUOTAS) {
                throw new ProblemException(ProblemType.CONFLICT, "名额规则数量已达上限 " + MAX_QUOTAS,
                        "The campaign has the most quotas allowed, " + MAX_QUOTAS);
            }
            quota = new Quota();
            quota.id = UUID.randomUUID();
            quota.campaignId = campaignId;
            quota.occupation = occupation;
            quota.siteId = siteId;
            quota.day = day;
            quotas.persist(quota);
        } else {
            quotas.getEntityManager().lock(quota, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            quotas.getEntityManager().refresh(quota);
        }
        if (places < quota.taken) {
            throw new ProblemException(ProblemType.CONFLICT, "已有 " + quota.taken + " 个名额被预约，不能少于此数",
                    quota.taken + " places are taken already; places cannot be fewer");
        }
        quota.places = places;
        return quota;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Quota> list(UUID campaignId) {
        return quotas.ofCampaign(campaignId);
    }
}
