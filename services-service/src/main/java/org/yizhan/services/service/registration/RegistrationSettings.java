package org.yizhan.services.service.registration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The knobs of registration and the waitlist ({@code yizhan.registration.*}). */
@ConfigMapping(prefix = "yizhan.registration")
public interface RegistrationSettings {

    /** How long a worker promoted from the waitlist has to confirm (never beyond the activity's start). */
    @WithDefault("12h")
    Duration offerWindow();

    /** From this many recorded no-shows on, a worker waits behind everybody else on a waitlist. */
    @WithDefault("2")
    int noShowThreshold();
}
