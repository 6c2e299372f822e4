package org.yizhan.checkup.service.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.yizhan.checkup.domain.campaign.Campaign;
import org.yizhan.checkup.domain.campaign.CampaignStatus;
import org.yizhan.checkup.domain.site.Site;
import org.yizhan.checkup.domain.site.SiteKind;
import org.yizhan.checkup.domain.site.Slot;
import org.yizhan.checkup.repository.CampaignRepository;
import org.yizhan.checkup.repository.SiteRepository;
import org.yizhan.checkup.repository.SlotRepository;
import org.yizhan.kit.figures.FiguresPeriod;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;
import org.yizhan.kit.replica.ReplicatedStation;
import org.yizhan.kit.replica.StationReplica;
import org.yizhan.kit.time.AppClock;

import java.time.Instant;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The sites of a campaign and their slots. */
@ApplicationScoped
public class SiteService {

    /** The most sites one campaign may have. */
    public static final int MAX_SITES = 200;

    private final CampaignRepository campaigns;
    private final SiteRepository sites;
    private final SlotRepository slots;
    private final StationReplica stations;
    private final AppClock clock;

    public SiteService(CampaignRepository campaigns, SiteRepository sites, SlotRepository slots,
                       StationReplica stations, AppClock clock) {
        this.campaigns = campaigns;
        this.sites = sites;
        this.slots = slots;
        this.stations = stations;
        this.clock = clock;
    }

    /**
     * Adds a site to a campaign that is not closed. A station site takes the station's name,
     * address and position from the replica, and a warning if the station is not active.
     */
    @Transactional
    public Site add(UUID campaignId, NewSite details) {
        Campaign campaign = openCampaign(campaignId);
        if (Arrays.stream(campaign.clinics).noneMatch(details.clinic()::equals)) {
            throw ProblemException.invalidField("clinic", "不是本活动的合作机构 / not one of the campaign's clinics");
        }
        if (sites.countOfCampaign(campaignId) >= MAX_SITES) {
            throw new ProblemException(ProblemType.CONFLICT, "站点数量已达上限 " + MAX_SITES,
                    "The campaign has the most sites allowed, " + MAX_SITES);
        }
        Site site = new Site();
        site.id = UUID.randomUUID();
        site.campaignId = campaignId;
        site.kind = details.kind();
        site.clinic = details.clinic();
        site.createdAt = clock.now();
        if (details.kind() == SiteKind.STATION) {
            ReplicatedStation station = stations.find(details.stationId())
                    .orElseThrow(() -> ProblemException.invalidField("stationId", "站点不存在 / no such station"));
            if (sites.hasStation(campaignId, station.stationId())) {
                throw ProblemException.invalidField("stationId", "该站点已加入本活动 / the station is already a site");
            }
            site.stationId = station.stationId();
            site.name = station.name();
            site.address = station.address();
            site.latitude = station.position().latitude();
            site.longitude = station.position().longitude();
            site.warning = SiteWarnings.warningFor(station);
        } else {
            site.name = details.name();
            site.address = details.address();
            site.latitude = details.position().latitude();
            site.longitude = details.position().longitude();
        }
        sites.persist(site);
        return site;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Site> list(UUID campaignId) {
        return sites.ofCampaign(campaignId, MAX_SITES);
    }

    /** The site, if it belongs to the campaign. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Site get(UUID campaignId, UUID siteId) {
        return Optional.ofNullable(sites.findById(siteId)).filter(s -> s.campaignId.equals(campaignId))
                .orElseThrow(() -> ProblemException.notFound("体检地点", "The checkup site"));
    }

    /**
     * Opens the day's slots at a site; a slot that already exists at the same start is kept as it
     * is (its bookings included), so sending the same schedule again changes nothing. Answers the
     * day's slots.
     */
    @Transactional
    public List<Slot> schedule(UUID campaignId, UUID siteId, DaySchedule day) {
        openCampaign(campaignId);
        Site site = get(campaignId, siteId);
        Instant first = day.day().atTime(day.from()).atZone(FiguresPeriod.BEIJING).toInstant();
        Instant end = day.day().atTime(day.to()).atZone(FiguresPeriod.BEIJING).toInstant();
        if (!first.isAfter(clock.now())) {
            throw ProblemException.invalidField("from", "须晚于现在 / must be in the future");
        }
        long count = Duration.between(day.from(), day.to()).toMinutes() / day.minutes();
        for (int i = 0; i < count; i++) {
            Slot slot = new Slot();
            slot.id = UUID.randomUUID();
            slot.siteId = site.id;
            slot.campaignId = campaignId;
            slot.startsAt = first.plus(Duration.ofMinutes((long) i * day.minutes()));
            slot.endsAt = slot.startsAt.plus(Duration.ofMinutes(day.minutes()));
            slot.capacity = day.capacity();
            slots.addIfFree(slot);
        }
        return slots.ofSite(site.id, first, end);
    }

    private Campaign openCampaign(UUID campaignId) {
        Campaign campaign = campaigns.findByIdOptional(campaignId)
                .orElseThrow(() -> ProblemException.notFound("体检活动", "The checkup campaign"));
        if (campaign.status == CampaignStatus.CLOSED) {
            throw new ProblemException(ProblemType.CONFLICT, "活动已结束", "The campaign is closed");
        }
        return campaign;
    }
}
