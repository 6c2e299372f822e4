package org.yizhan.station.service.standards;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.yizhan.kit.time.AppClock;
import org.yizhan.station.domain.standards.ComplianceRules;

import java.time.LocalDate;
import java.time.ZoneId;

/** Configuration of station standards; every property has a default. */
@ApplicationScoped
public class StandardsSettings {

    private final ComplianceRules rules;
    private final ZoneId zone;
    private final AppClock clock;

    public StandardsSettings(AppClock clock,
            @ConfigProperty(name = "yizhan.standards.inspection-interval-days", defaultValue = "365") int intervalDays,
            @ConfigProperty(name = "yizhan.standards.demonstration-optional-items", defaultValue = "4") int demonstrationItems,
            @ConfigProperty(name = "yizhan.standards.time-zone", defaultValue = "Asia/Shanghai") ZoneId zone) {
        this.rules = new ComplianceRules(intervalDays, demonstrationItems);
        this.zone = zone;
        this.clock = clock;
    }

    public ComplianceRules rules() {
        return rules;
    }

    /** Today in the zone whose calendar inspection dates are written in. */
    public LocalDate today() {
        return clock.today(zone);
    }
}
