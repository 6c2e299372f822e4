package org.yizhan.station.rest.feedback;

import org.yizhan.station.domain.feedback.ComplaintStatus;

/** The statuses an answer may set. */
public enum AnswerStatus {
    IN_PROGRESS,
    RESOLVED,
    REJECTED;

    ComplaintStatus toStatus() {
        return ComplaintStatus.valueOf(name());
    }
}
