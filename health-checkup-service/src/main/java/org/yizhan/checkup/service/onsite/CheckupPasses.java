package org.yizhan.checkup.service.onsite;

import jakarta.inject.Singleton;
import org.yizhan.kit.privacy.OneTimePasses;
import org.yizhan.kit.privacy.Pseudonyms;

/**
 * The one-time pass of a booked appointment (kit {@link OneTimePasses}): names the appointment and
 * the worker's pseudonym; the appointment's {@code redeemed_pass} makes it count once.
 */
@Singleton
public class CheckupPasses extends OneTimePasses {

    /** Changing the purpose invalidates every pass out there. */
    static final Kind KIND = new Kind("yizhan checkup pass v1", "yizhan-checkup+jwt", "apt", "ptc");

    public CheckupPasses(Pseudonyms pseudonyms) {
        super(pseudonyms, KIND);
    }
}
