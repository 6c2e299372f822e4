package org.yizhan.station.domain.award;

import org.yizhan.station.domain.standards.Tier;

/**
 * What the system holds about one station for one calendar year, as the score reads it.
 *
 * @param tier                    the station's tier at the end of the period (today for the current year)
 * @param officialInspections     union-admin inspections dated in the year
 * @param passedInspections       of those, the ones with every basic requirement met
 * @param visits                  counted visits in the year (one per worker, station and hour)
 * @param seats                   the station's seats; null if not recorded
 * @param openDays                days of the period on which the station's hours open it (all days if hours are unknown)
 * @param amenities               amenities the station lists
 * @param amenitiesWorkingNow     of those, the ones working now
 * @param amenityDaysOutOfOrder   days of the period each out-of-order amenity has been out of order, summed
 * @param daysInPeriod            days from the later of 1 January and registration to the earlier of 31 December and today
 * @param completedActivities     activities held at the station that started in the year and were completed (not cancelled)
 * @param personTimes             workers those activities reached (informative)
 * @param ratings                 ratings given in the year
 * @param starsSum                their stars, summed
 * @param complaintsReceived      complaints received in the year
 * @param complaintsDue           of those, the ones answered or past their deadline
 * @param answeredInTime          of those, the ones first answered by their deadline
 * @param upheldClosedDuringHours CLOSED_DURING_HOURS complaints of the year that were RESOLVED (upheld)
 */
public record AwardInputs(Tier tier, int officialInspections, int passedInspections,
                          long visits, Integer seats, int openDays,
                          int amenities, int amenitiesWorkingNow, long amenityDaysOutOfOrder, int daysInPeriod,
                          int completedActivities, long personTimes,
                          int ratings, long starsSum,
                          int complaintsReceived, int complaintsDue, int answeredInTime,
                          int upheldClosedDuringHours) {

    public AwardInputs {
        if (tier == null) {
            throw new IllegalArgumentException("tier is required");
        }
        if (passedInspections > officialInspections || answeredInTime > complaintsDue
                || complaintsDue > complaintsReceived || amenitiesWorkingNow > amenities) {
            throw new IllegalArgumentException("a part exceeds its whole");
        }
        if (officialInspections < 0 || passedInspections < 0 || visits < 0 || openDays < 0 || amenities < 0
                || amenitiesWorkingNow < 0 || amenityDaysOutOfOrder < 0 || daysInPeriod < 0 || completedActivities < 0
                || personTimes < 0 || ratings < 0 || starsSum < 0 || complaintsReceived < 0 || complaintsDue < 0
                || answeredInTime < 0 || upheldClosedDuringHours < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }
}
