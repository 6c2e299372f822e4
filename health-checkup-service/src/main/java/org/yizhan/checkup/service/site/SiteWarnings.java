package org.yizhan.checkup.service.site;

import jakarta.enterprise.context.ApplicationScoped;
import org.yizhan.checkup.repository.SiteRepository;
import org.yizhan.kit.replica.ReplicatedStation;
import org.yizhan.kit.replica.StationReplicaListener;

/**
 * A station that pauses or closes warns the checkup days planned there (their slots stop being
 * offered); reopening clears the warning. Runs in the transaction that applies the station event.
 */
@ApplicationScoped
public class SiteWarnings implements StationReplicaListener {

    private final SiteRepository sites;

    public SiteWarnings(SiteRepository sites) {
        this.sites = sites;
    }

    @Override
    public void stationChanged(ReplicatedStation previous, ReplicatedStation current) {
        if (previous == null || previous.active() != current.active()
                || !java.util.Objects.equals(previous.statusReason(), current.statusReason())) {
            sites.warnAtStation(current.stationId(), warningFor(current));
        }
    }

    /** The warning of a site at this station: none while it is active. */
    static String warningFor(ReplicatedStation station) {
        if (station.active()) {
            return null;
        }
        String warning = "站点" + ("CLOSED".equals(station.status()) ? "已关闭" : "暂停开放") + " / station "
                + station.status() + (station.statusReason() == null ? "" : ": " + station.statusReason());
        return warning.length() <= 300 ? warning : warning.substring(0, 300);
    }
}
