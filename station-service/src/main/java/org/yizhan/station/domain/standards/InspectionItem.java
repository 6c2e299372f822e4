package org.yizhan.station.domain.standards;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One line of an inspection: a requirement, the result and what the inspector wrote. */
@Embeddable
public class InspectionItem {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Requirement requirement;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InspectionResult result;

    public String finding;

    public InspectionItem() {
    }

    public InspectionItem(Requirement requirement, InspectionResult result, String finding) {
        this.requirement = requirement;
        this.result = result;
        this.finding = finding;
    }
}
