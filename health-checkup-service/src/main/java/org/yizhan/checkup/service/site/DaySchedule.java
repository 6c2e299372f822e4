package org.yizhan.checkup.service.site;

import java.time.LocalDate;
import java.time.LocalTime;

/** Slots of one day at a site: from {@code from} to {@code to} (Beijing time), every {@code minutes}. */
public record DaySchedule(LocalDate day, LocalTime from, LocalTime to, int minutes, int capacity) {
}
