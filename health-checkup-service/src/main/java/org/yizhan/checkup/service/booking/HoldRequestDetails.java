package org.yizhan.checkup.service.booking;

import org.yizhan.events.Occupation;

/** Who asks for a place: occupation, the platform rider id that proves it, name and phone for the clinic. */
public record HoldRequestDetails(Occupation occupation, String platform, String riderId, String name, String phone) {
}
