package org.yizhan.legalaid.rest.duty;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.kit.privacy.Masks;
import org.yizhan.legalaid.domain.duty.Lawyer;

import java.time.Instant;
import java.util.UUID;

/** A registered lawyer, as union staff see them (name masked). */
@Schema(name = "Lawyer")
public record LawyerView(
        @Schema(required = true) UUID id,
        @Schema(required = true, maxLength = 50, example = "李*") String name,
        @Schema(required = true, maxLength = 17, example = "11101201910123456") String licenceNumber,
        @Schema(required = true, maxLength = 100) String firm,
        @Schema(required = true, maxLength = 255, example = "lawyer-li") String subject,
        @Schema(required = true) Instant createdAt) {

    public static LawyerView of(Lawyer l, String name) {
        return new LawyerView(l.id, Masks.name(name), l.licenceNumber, l.firm, l.subject, l.createdAt);
    }
}
