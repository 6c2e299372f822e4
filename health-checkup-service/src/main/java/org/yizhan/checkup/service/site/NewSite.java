package org.yizhan.checkup.service.site;

import org.yizhan.checkup.domain.site.SiteKind;
import org.yizhan.kit.geo.GeoPoint;

import java.util.UUID;

/** A site to add: a station (its place comes from the replica) or a clinic with its address and position. */
public record NewSite(SiteKind kind, String clinic, UUID stationId, String name, String address, GeoPoint position) {
}
