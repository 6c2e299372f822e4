package org.yizhan.services.service.attendance;

import jakarta.inject.Singleton;
import org.yizhan.kit.privacy.OneTimePasses;
import org.yizhan.kit.privacy.Pseudonyms;

/**
 * One-time check-in passes (kit {@link OneTimePasses}): a pass names the activity and the
 * worker's pseudonym; the attendance table makes it count once.
 */
@Singleton
public class CheckInPasses extends OneTimePasses {

    /** Changing the purpose invalidates every pass out there. */
    static final Kind KIND = new Kind("yizhan check-in pass v1", "yizhan-check-in+jwt", "act", "ptc");

    public CheckInPasses(Pseudonyms pseudonyms) {
        super(pseudonyms, KIND);
    }
}
