package org.yizhan.station.service.feedback;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.ZoneId;

/** Configuration of ratings and complaints; every property has a default. */
@ApplicationScoped
public class FeedbackSettings {

    private final int visitWindowDays;
    private final int responseHours;
    private final int safetyResponseHours;
    private final int maxComplaintAgeDays;
    private final ZoneId zone;

    public FeedbackSettings(
            @ConfigProperty(name = "yizhan.ratings.visit-window-days", defaultValue = "7") int visitWindowDays,
            @ConfigProperty(name = "yizhan.complaints.response-hours", defaultValue = "72") int responseHours,
            @ConfigProperty(name = "yizhan.complaints.safety-response-hours", defaultValue = "24") int safetyResponseHours,
            @ConfigProperty(name = "yizhan.complaints.max-age-days", defaultValue = "30") int maxComplaintAgeDays,
            @ConfigProperty(name = "yizhan.feedback.time-zone", defaultValue = "Asia/Shanghai") ZoneId zone) {
        if (visitWindowDays < 1 || responseHours < 1 || safetyResponseHours < 1 || maxComplaintAgeDays < 1) {
            throw new IllegalArgumentException("yizhan.ratings.* and yizhan.complaints.* must be positive");
        }
        this.visitWindowDays = visitWindowDays;
        this.responseHours = responseHours;
        this.safetyResponseHours = safetyResponseHours;
        this.maxComplaintAgeDays = maxComplaintAgeDays;
        this.zone = zone;
    }

    /** How far back a visit lets a worker rate a station. */
    public Duration visitWindow() {
        return Duration.ofDays(visitWindowDays);
    }

    /** Time to the first answer of a complaint. */
    public Duration responseTime() {
        return Duration.ofHours(responseHours);
    }

    /** Time to the first answer of a SAFETY complaint. */
    public Duration safetyResponseTime() {
        return Duration.ofHours(safetyResponseHours);
    }

    /** How long ago what a complaint reports may have happened. */
    public Duration maxComplaintAge() {
        return Duration.ofDays(maxComplaintAgeDays);
    }

    /** The zone whose calendar day limits workers to one rating per station and day. */
    public ZoneId zone() {
        return zone;
    }
}
