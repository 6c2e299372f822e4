/**
 * Opening hours of a station (营业时间): pure domain code, only {@code java.time}, no framework.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li><b>Time zone.</b> All hours are wall-clock times in the station's {@link java.time.ZoneId}
 *       (default {@code Asia/Shanghai}). An {@link java.time.Instant} is first converted to that
 *       zone, so {@code 2026-03-06T17:30Z} is Saturday 01:30 for a station in Shanghai.</li>
 *   <li><b>Periods are half-open.</b> {@code 08:00-12:00} is open at 08:00 and at 11:59:59.999,
 *       closed at 12:00. Only whole minutes are allowed.</li>
 *   <li><b>Crossing midnight.</b> A period whose close is not after its open ends on the next
 *       day: {@code 22:00-06:00} on Friday is open from Friday 22:00 until Saturday 06:00.
 *       {@code 24:00} is written as {@link java.time.LocalTime#MIDNIGHT} and closes at the end
 *       of the day; {@code 00:00-24:00} (open == close == midnight) is the whole day and the
 *       only period allowed to have open == close.</li>
 *   <li><b>A period belongs to the day it starts on.</b> Friday's {@code 22:00-06:00} is part of
 *       Friday's hours. A dated exception, a holiday or a season that applies to Saturday
 *       therefore changes only the periods that <em>start</em> on Saturday; Friday's night shift
 *       still runs until 06:00 on Saturday. To close from Saturday 00:00, give Friday an exception
 *       with {@code 22:00-24:00}. Where the previous day's overnight period and the day's own
 *       periods overlap (possible only across different schedules), the station is open during
 *       either.</li>
 *   <li><b>Which hours apply on a date</b> (first match wins):
 *     <ol>
 *       <li>a {@link org.yizhan.station.domain.hours.DateException} for that date (it also
 *           overrides holidays);</li>
 *       <li>otherwise the weekly schedule in force that day: the
 *           {@link org.yizhan.station.domain.hours.SeasonalSchedule} whose window contains the
 *           date, else the regular schedule;</li>
 *       <li>within that weekly schedule, the {@link org.yizhan.station.domain.hours.HolidayPolicy}
 *           picks the weekday: on a public holiday (休) the day's own weekday, none (closed) or
 *           Sunday; on a make-up working day (调休上班, 班) the configured weekday, default
 *           Monday; on any other day its own weekday.</li>
 *     </ol></li>
 *   <li><b>Seasons.</b> A window is either the same month-day range every year
 *       ({@code 05-01..09-30}, may wrap over New Year: {@code 11-01..02-29}) or a dated range
 *       ({@code 2026-06-01..2026-08-31}); both inclusive. Windows of one station must not
 *       overlap, so no precedence rule is needed.</li>
 *   <li><b>Holiday data.</b> {@link org.yizhan.kit.calendar.ChinaHolidayCalendar#official()}
 *       holds the State Council arrangements for 2025 and 2026 (国务院办公厅关于部分节假日安排的通知).
 *       On a date of a year it does not cover it answers "ordinary day", so the weekly hours
 *       apply; adding a year is a data-only change in that class of the kit.</li>
 * </ul>
 */
package org.yizhan.station.domain.hours;
