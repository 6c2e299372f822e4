package org.yizhan.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.yizhan.events.checkup.AppointmentBooked;
import org.yizhan.events.checkup.AppointmentCancelled;
import org.yizhan.events.checkup.AppointmentFulfilled;
import org.yizhan.events.checkup.AppointmentNoShow;
import org.yizhan.events.checkup.AppointmentReminderDue;
import org.yizhan.events.checkup.CampaignPublished;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class CheckupEventsJsonTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void checkupEventsRoundTripAndNameOccupationsAsTheOtherServicesDo() throws Exception {
        CampaignPublished published = new CampaignPublished(UUID.randomUUID(), 1, "2026年大兴区骑手免费体检", 2026,
                "大兴区总工会", List.of(Occupation.FOOD_DELIVERY, Occupation.TRUCK_DRIVER), List.of("daxing-district-hospital"),
                Instant.parse("2026-12-07T00:00:00Z"), Instant.parse("2026-12-31T15:59:59Z"),
                Instant.parse("2026-12-01T08:00:00Z"));
        String text = json.writeValueAsString(published);
        assertEquals(published, json.readValue(text, CampaignPublished.class));
        assertFalse(text.contains("occupations\":[0"), "occupations by name: " + text);

        AppointmentBooked booked = new AppointmentBooked(UUID.randomUUID(), published.campaignId(), UUID.randomUUID(),
                UUID.randomUUID(), "q8Yw7tT2", Occupation.FOOD_DELIVERY, Instant.parse("2026-12-12T00:00:00Z"),
                Instant.parse("2026-12-07T01:00:00Z"));
        assertEquals(booked, json.readValue(json.writeValueAsString(booked), AppointmentBooked.class));
        AppointmentCancelled cancelled = json.readValue("""
                {"appointmentId":"%s","campaignId":"%s","slotId":"%s","person":"q8Yw7tT2","reason":"CANCELLED_BY_WORKER",
                 "cancelledAt":"2026-12-08T00:00:00Z","addedLater":1}""".formatted(booked.appointmentId(),
                booked.campaignId(), booked.slotId()), AppointmentCancelled.class);
        assertEquals("CANCELLED_BY_WORKER", cancelled.reason());
        AppointmentReminderDue due = new AppointmentReminderDue(booked.appointmentId(), booked.campaignId(),
                booked.siteId(), "西红门驿站", "q8Yw7tT2", "PT2H", booked.startsAt(), Instant.parse("2026-12-11T22:00:00Z"));
        String dueText = json.writeValueAsString(due);
        assertEquals(due, json.readValue(dueText, AppointmentReminderDue.class));
        assertFalse(dueText.contains("phone") || dueText.contains("name\""), "no personal fields: " + dueText);
        AppointmentFulfilled fulfilled = new AppointmentFulfilled(booked.appointmentId(), booked.campaignId(),
                booked.siteId(), "q8Yw7tT2", Occupation.TRUCK_DRIVER, Instant.parse("2026-12-12T00:05:00Z"),
                Instant.parse("2026-12-12T00:40:00Z"));
        assertEquals(fulfilled, json.readValue(json.writeValueAsString(fulfilled), AppointmentFulfilled.class));
        AppointmentNoShow noShow = new AppointmentNoShow(booked.appointmentId(), booked.campaignId(), booked.siteId(),
                booked.slotId(), "q8Yw7tT2", Occupation.COURIER, Instant.parse("2026-12-12T00:30:00Z"));
        assertEquals(noShow, json.readValue(json.writeValueAsString(noShow), AppointmentNoShow.class));
        assertEquals("appointment.reminder_due", EventTypes.APPOINTMENT_REMINDER_DUE);
        assertEquals("yizhan.checkup.v1", Topics.CHECKUP);
        assertEquals("appointment.booked", EventTypes.APPOINTMENT_BOOKED);
    }
}
