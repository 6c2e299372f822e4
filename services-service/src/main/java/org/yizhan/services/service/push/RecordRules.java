package org.yizhan.services.service.push;

import org.yizhan.kit.privacy.PersonalNumbers;
import org.yizhan.kit.problem.Problem;
import org.yizhan.services.service.activity.ActivityRules;
import org.yizhan.services.domain.activity.ActivityStatus;
import org.yizhan.events.Occupation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a pushed record must satisfy, and its normal form. The rules of planned activities apply
 * (known type and partners, at most 7 days, a known venue), adapted to records of a partner's own
 * system: a record may describe an activity that was held or cancelled as well as an upcoming one.
 */
public final class RecordRules {

    static final int MAX_ORGANISERS = ActivityRules.MAX_ORGANISERS;
    /** How far from the activity a participant's check-in may lie (sign-in before start, late uploads of the time). */
    static final Duration CHECK_IN_SLACK = Duration.ofHours(12);

    /** A partner's record id: 1 to 100 letters, digits, . _ : - */
    public static final int RECORD_ID_MAX = 100;
    public static final String RECORD_ID_PATTERN = "^[\\p{L}\\p{N}._:-]{1," + RECORD_ID_MAX + "}$";
    static final Pattern RECORD_ID = Pattern.compile(RECORD_ID_PATTERN);
    /** A participant's pseudonymous id: 1 to 64 letters, digits, . _ - */
    public static final int PARTICIPANT_ID_MAX = 64;
    /** Pseudonymous ids only: letters, digits and . _ - (no spaces, no @). */
    static final Pattern PARTICIPANT_ID = Pattern.compile("[A-Za-z0-9._-]{1," + PARTICIPANT_ID_MAX + "}");
    static final Pattern TYPE_CODE = Pattern.compile(ActivityRules.TYPE_CODE);
    static final String PERSONAL_NUMBER = "不得含有手机号、电话号码或身份证号 / must not contain a phone or ID-card number";

    private static final Set<String> STATUSES = Set.of("PUBLISHED", "COMPLETED", "CANCELLED");

    /** What the database knows that the rules need: taxonomy, partners, and the status of each venue of the batch. */
    record Reference(Set<String> types, Set<String> partners, Map<UUID, String> venueStatus) {
    }

    /** A record that passed the rules, in normal form; {@code hash} fingerprints exactly this form. */
    record Normalised(String recordId, String type, String title, String description, UUID stationId,
                      Instant startsAt, Instant endsAt, Integer capacity, String[] occupations,
                      List<String> organisers, ActivityStatus status, String cancelReason,
                      List<PushRecord.Participant> participants, Integer participantCount, String hash) {
    }

    private RecordRules() {
    }

    /**
     * Checks {@code r}, adding an error per broken rule to {@code errors}, and to {@code refusals}
     * what refuses the whole push (ADR 0014): personal numbers anywhere in the record and numbers
     * or times that cannot be true. Fields in {@code unreadable} were reported by the reader
     * already and are not reported again.
     *
     * @return the normal form, or null if there were errors or refusals
     */
    static Normalised check(PushRecord r, Set<String> unreadable, String partner, Reference ref, Instant now,
                            List<Problem.FieldError> errors, List<Problem.FieldError> refusals) {
        int before = errors.size() + refusals.size();
        Errors e = new Errors(errors, unreadable);
        Errors refuse = new Errors(refusals, unreadable);
        personalNumbers(r, refuse);
        recordId(r, e);
        ActivityStatus status = status(r, e);
        type(r, ref, e);
        String title = title(r, e);
        String description = description(r, e);
        station(r, status, ref, e);
        Instant startsAt = micros(r.startsAt());
        Instant endsAt = micros(r.endsAt());
        period(startsAt, endsAt, status, now, e, refuse);
        Integer capacity = capacity(r, e);
        String[] occupations = occupations(r, e);
        List<String> organisers = organisers(r, partner, ref, e);
        String cancelReason = cancelReason(r, status, e);
        Integer count = r.participantCount();
        List<PushRecord.Participant> participants = people(r, status, capacity, startsAt, endsAt, now, e, refuse);
        if (errors.size() + refusals.size() > before) {
            return null;
        }
        String hash = hash(r.recordId(), r.type(), title, description, r.stationId(), startsAt, endsAt, capacity,
                occupations, organisers, status, cancelReason, participants, count);
        return new Normalised(r.recordId(), r.type(), title, description, r.stationId(), startsAt, endsAt, capacity,
                occupations, organisers, status, cancelReason, participants, count, hash);
    }

    private static void recordId(PushRecord r, Errors e) {
        if (r.recordId() == null) {
            e.required("recordId");
        } else if (!RECORD_ID.matcher(r.recordId()).matches()) {
            e.add("recordId", "1–100 个字符：字母、数字、. _ : - / 1 to 100 characters: letters, digits, . _ : -");
        }
    }

    private static ActivityStatus status(PushRecord r, Errors e) {
        if (r.status() == null) {
            e.required("status");
        } else if (!STATUSES.contains(r.status())) {
            e.add("status", "取值必须是以下之一：PUBLISHED, COMPLETED, CANCELLED / must be one of: PUBLISHED, COMPLETED, CANCELLED");
        } else {
            return ActivityStatus.valueOf(r.status());
        }
        return null;
    }

    private static void type(PushRecord r, Reference ref, Errors e) {
        if (r.type() == null) {
            e.required("type");
        } else if (!TYPE_CODE.matcher(r.type()).matches() || !ref.types().contains(r.type())) {
            e.add("type", "未知的活动类型（见 /api/v1/activities/types） / unknown activity type");
        }
    }

    private static String title(PushRecord r, Errors e) {
        String title = blankToNull(r.title());
        if (title == null) {
            e.required("title");
        } else if (title.length() > ActivityRules.TITLE_MAX) {
            e.add("title", "最多 " + ActivityRules.TITLE_MAX + " 个字符 / at most " + ActivityRules.TITLE_MAX + " characters");
        }
        return title;
    }

    private static String description(PushRecord r, Errors e) {
        String description = blankToNull(r.description());
        if (description != null && description.length() > ActivityRules.DESCRIPTION_MAX) {
            e.add("description", "最多 " + ActivityRules.DESCRIPTION_MAX + " 个字符 / at most "
                    + ActivityRules.DESCRIPTION_MAX + " characters");
        }
        return description;
    }

    /** A known station; an upcoming activity needs an active one (a held one may have closed since). */
    private static void station(PushRecord r, ActivityStatus status, Reference ref, Errors e) {
        if (r.stationId() == null) {
            e.required("stationId");
            return;
        }
        String venue = ref.venueStatus().get(r.stationId());
        if (venue == null) {
            e.add("stationId", "未知的站点 / unknown station");
        } else if (status == ActivityStatus.PUBLISHED && !"ACTIVE".equals(venue)) {
            e.add("stationId", "站点未开放（" + venue + "），不能发布将来的活动 / the station is not active (" + venue
                    + "); upcoming activities need an active station");
        }
    }

    /** The times: an end after the start; a plausible length; not over when upcoming; over when held. */
    private static void period(Instant startsAt, Instant endsAt, ActivityStatus status, Instant now, Errors e,
                               Errors refuse) {
        if (startsAt == null) {
            e.required("startsAt");
        }
        if (endsAt == null) {
            e.required("endsAt");
        }
        if (startsAt == null || endsAt == null) {
            return;
        }
        if (!endsAt.isAfter(startsAt)) {
            e.add("endsAt", ActivityRules.END_BEFORE_START);
        } else if (ActivityRules.durationRefusal(startsAt, endsAt) != null) {
            refuse.add("endsAt", ActivityRules.durationRefusal(startsAt, endsAt));
        } else if (status == ActivityStatus.PUBLISHED && !endsAt.isAfter(now)) {
            e.add("status", "已结束的活动不能是 PUBLISHED，请以 COMPLETED 或 CANCELLED 推送 / an activity that is over "
                    + "cannot be PUBLISHED; push it as COMPLETED or CANCELLED");
        } else if (status == ActivityStatus.COMPLETED && endsAt.isAfter(now)) {
            refuse.add("endsAt", "已举行的活动不能在将来结束 / a COMPLETED activity cannot end in the future");
        }
    }

    private static Integer capacity(PushRecord r, Errors e) {
        Integer capacity = r.capacity();
        if (capacity != null && (capacity < 1 || capacity > ActivityRules.CAPACITY_MAX)) {
            e.add("capacity", "须在 1 到 " + ActivityRules.CAPACITY_MAX + " 之间 / must be between 1 and "
                    + ActivityRules.CAPACITY_MAX);
        }
        return capacity;
    }

    /** The occupations, sorted and without repeats. */
    private static String[] occupations(PushRecord r, Errors e) {
        TreeSet<String> occupations = new TreeSet<>();
        if (r.occupations() != null) {
            for (int i = 0; i < r.occupations().size(); i++) {
                String o = r.occupations().get(i);
                if (!isOccupation(o)) {
                    e.add("occupations[" + i + "]", "取值必须是以下之一：" + OCCUPATIONS + " / must be one of: " + OCCUPATIONS);
                } else {
                    occupations.add(o);
                }
            }
        }
        return occupations.toArray(String[]::new);
    }

    /** The organisers the record names, with the pushing partner, sorted. */
    private static List<String> organisers(PushRecord r, String partner, Reference ref, Errors e) {
        TreeSet<String> organisers = new TreeSet<>();
        organisers.add(partner);
        if (r.organisers() != null) {
            for (int i = 0; i < r.organisers().size(); i++) {
                String code = r.organisers().get(i);
                if (code == null || !ref.partners().contains(code)) {
                    e.add("organisers[" + i + "]", "未登记的合作单位（见 /api/v1/activities/partners） / unknown partner");
                } else {
                    organisers.add(code);
                }
            }
            if (organisers.size() > MAX_ORGANISERS) {
                e.add("organisers", "最多 " + MAX_ORGANISERS + " 个组织单位 / at most " + MAX_ORGANISERS + " organisers");
            }
        }
        return List.copyOf(organisers);
    }

    /** A reason for CANCELLED records, and only for them. */
    private static String cancelReason(PushRecord r, ActivityStatus status, Errors e) {
        String cancelReason = blankToNull(r.cancelReason());
        if (status == ActivityStatus.CANCELLED) {
            if (cancelReason == null) {
                e.required("cancelReason");
            } else if (cancelReason.length() > ActivityRules.CANCEL_REASON_MAX) {
                e.add("cancelReason", "最多 " + ActivityRules.CANCEL_REASON_MAX + " 个字符 / at most "
                        + ActivityRules.CANCEL_REASON_MAX + " characters");
            }
        } else if (cancelReason != null) {
            e.add("cancelReason", "仅 CANCELLED 的记录有取消原因 / only CANCELLED records have a reason");
        }
        return cancelReason;
    }

    /**
     * Who took part: named participants or a count, for COMPLETED records only, never more than
     * the capacity or {@link ActivityRules#MAX_PARTICIPANTS}.
     *
     * @return the named participants in normal form, or null
     */
    private static List<PushRecord.Participant> people(PushRecord r, ActivityStatus status, Integer capacity,
                                                       Instant startsAt, Instant endsAt, Instant now, Errors e,
                                                       Errors refuse) {
        Integer count = r.participantCount();
        if (r.participants() != null && count != null) {
            e.add("participantCount", "participants 与 participantCount 只能给出其一 / give participants or participantCount, not both");
        } else if (status != null && status != ActivityStatus.COMPLETED && (r.participants() != null || count != null)) {
            e.add(r.participants() != null ? "participants" : "participantCount",
                    "仅 COMPLETED 的记录有参加者 / only COMPLETED records have participants");
        } else if (status == ActivityStatus.COMPLETED && r.participants() == null && count == null) {
            e.addUnlessUnread("participantCount", "已举行的活动须给出 participants 或 participantCount / a COMPLETED record "
                    + "needs participants or participantCount", "participants");
        }
        if (count != null && count < 0) {
            e.add("participantCount", "不能为负数 / must not be negative");
        }
        int people = count != null ? count : r.participants() != null ? r.participants().size() : 0;
        int most = capacity == null ? ActivityRules.MAX_PARTICIPANTS : Math.min(capacity, ActivityRules.MAX_PARTICIPANTS);
        if (people > most) {
            refuse.add(count != null ? "participantCount" : "participants", "参加人数不能超过 " + most
                    + (capacity == null ? "" : "（名额）") + " / more participants than " + most
                    + (capacity == null ? ", the most one activity can have" : ", the activity's capacity"));
            return null;
        }
        return r.participants() == null ? null : participants(r.participants(), startsAt, endsAt, now, e, refuse);
    }

    private static List<PushRecord.Participant> participants(List<PushRecord.Participant> given, Instant startsAt,
                                                             Instant endsAt, Instant now, Errors e, Errors refuse) {
        Set<String> seen = new HashSet<>(given.size() * 2);
        List<PushRecord.Participant> out = new ArrayList<>(given.size());
        for (int i = 0; i < given.size(); i++) {
            PushRecord.Participant p = given.get(i);
            String path = "participants[" + i + "]";
            if (p.id() == null) {
                e.required(path + ".id");
            } else if (!PARTICIPANT_ID.matcher(p.id()).matches()) {
                e.add(path + ".id", "须为化名编号：1–64 个字母、数字、. _ - / must be a pseudonymous id: 1 to 64 letters, digits, . _ -");
            } else if (PersonalNumbers.containsAny(p.id())) {
                continue; // refused with the whole push (personalNumbers)
            } else if (!seen.add(p.id())) {
                e.add(path + ".id", "同一参加者出现两次 / the same participant appears twice");
            }
            Instant checkedInAt = micros(p.checkedInAt());
            if (checkedInAt != null && startsAt != null && endsAt != null
                    && (checkedInAt.isBefore(startsAt.minus(CHECK_IN_SLACK)) || checkedInAt.isAfter(endsAt.plus(CHECK_IN_SLACK)))) {
                e.add(path + ".checkedInAt", "签到时间须在活动前后 12 小时内 / must lie within 12 hours of the activity");
            } else if (checkedInAt != null && checkedInAt.isAfter(now)) {
                refuse.add(path + ".checkedInAt", "签到时间不能在将来 / must not be in the future");
            }
            out.add(new PushRecord.Participant(p.id(), checkedInAt == null ? startsAt : checkedInAt));
        }
        out.sort(Comparator.comparing(PushRecord.Participant::id, Comparator.nullsFirst(Comparator.naturalOrder())));
        return out;
    }

    /**
     * Phone and ID-card numbers in any common spelling ({@code 138-1234-5678}, {@code +86 138 1234 5678},
     * full-width digits) in the record's ids and texts: they refuse the whole push, and the answer
     * never repeats them.
     */
    private static void personalNumbers(PushRecord r, Errors refuse) {
        String[][] texts = {{"recordId", r.recordId()}, {"title", r.title()}, {"description", r.description()},
                {"cancelReason", r.cancelReason()}};
        for (String[] text : texts) {
            if (PersonalNumbers.containsAny(text[1])) {
                refuse.add(text[0], PERSONAL_NUMBER);
            }
        }
        if (r.participants() != null) {
            for (int i = 0; i < r.participants().size(); i++) {
                if (PersonalNumbers.containsAny(r.participants().get(i).id())) {
                    refuse.add("participants[" + i + "].id", PERSONAL_NUMBER);
                }
            }
        }
    }

    private static final String OCCUPATIONS = String.join(", ",
            Arrays.stream(Occupation.values()).map(Enum::name).toList());

    private static boolean isOccupation(String value) {
        if (value == null) {
            return false;
        }
        for (Occupation o : Occupation.values()) {
            if (o.name().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** PostgreSQL keeps microseconds; the normal form must equal what is stored. */
    private static Instant micros(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }

    /** Fingerprint of the normal form: an identical push leaves the activity untouched. */
    static String hash(String recordId, String type, String title, String description, UUID stationId,
                       Instant startsAt, Instant endsAt, Integer capacity, String[] occupations,
                       Collection<String> organisers, ActivityStatus status, String cancelReason,
                       List<PushRecord.Participant> participants, Integer count) {
        StringBuilder s = new StringBuilder(256 + (participants == null ? 0 : participants.size() * 48));
        s.append("v1");
        for (Object field : new Object[]{recordId, type, title, description, stationId, startsAt, endsAt, capacity,
                String.join(",", occupations), String.join(",", organisers), status, cancelReason, count}) {
            s.append('\u001f').append(field == null ? "\u0000" : field.toString());
        }
        s.append('\u001f');
        if (participants == null) {
            s.append('\u0000');
        } else {
            for (PushRecord.Participant p : participants) {
                s.append(p.id()).append('@').append(p.checkedInAt()).append('\u001e');
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Collects errors, leaving out fields the reader has reported already. */
    private record Errors(List<Problem.FieldError> list, Set<String> unreadable) {

        void add(String field, String message) {
            if (!unreadable.contains(field)) {
                list.add(new Problem.FieldError(field, message));
            }
        }

        void required(String field) {
            add(field, "必填 / required");
        }

        /** Adds the error unless {@code other} (a field it depends on) could not be read either. */
        void addUnlessUnread(String field, String message, String other) {
            if (!unreadable.contains(other)) {
                add(field, message);
            }
        }
    }
}
