package org.yizhan.services.service.push;

import org.yizhan.kit.problem.Problem;
import org.yizhan.services.domain.activity.ActivityStatus;
import org.yizhan.services.domain.activity.Occupation;

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
final class RecordRules {

    static final int MAX_PARTICIPANTS = 5_000;
    static final int MAX_PARTICIPANT_COUNT = 100_000;
    static final int MAX_ORGANISERS = 10;
    static final Duration MAX_DURATION = Duration.ofDays(7);
    /** How far from the activity a participant's check-in may lie (sign-in before start, late uploads of the time). */
    static final Duration CHECK_IN_SLACK = Duration.ofHours(12);

    static final Pattern RECORD_ID = Pattern.compile("[\\p{L}\\p{N}._:-]{1,100}");
    /** Pseudonymous ids only: letters, digits and . _ - (no spaces, no @). */
    static final Pattern PARTICIPANT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** What a mainland mobile number or resident ID number looks like: never accepted as a participant id. */
    static final Pattern PERSONAL_ID = Pattern.compile("(\\+?86)?1[3-9]\\d{9}|\\d{17}[\\dXx]|\\d{15}");
    static final Pattern TYPE_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

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
     * Checks {@code r}, adding an error per broken rule to {@code errors}; fields in
     * {@code unreadable} were reported by the reader already and are not reported again.
     *
     * @return the normal form, or null if there were errors
     */
    static Normalised check(PushRecord r, Set<String> unreadable, String partner, Reference ref, Instant now,
                            List<Problem.FieldError> errors) {
        int before = errors.size();
        Errors e = new Errors(errors, unreadable);

        if (r.recordId() == null) {
            e.required("recordId");
        } else if (!RECORD_ID.matcher(r.recordId()).matches()) {
            e.add("recordId", "1–100 个字符：字母、数字、. _ : - / 1 to 100 characters: letters, digits, . _ : -");
        }

        ActivityStatus status = null;
        if (r.status() == null) {
            e.required("status");
        } else if (!STATUSES.contains(r.status())) {
            e.add("status", "取值必须是以下之一：PUBLISHED, COMPLETED, CANCELLED / must be one of: PUBLISHED, COMPLETED, CANCELLED");
        } else {
            status = ActivityStatus.valueOf(r.status());
        }

        if (r.type() == null) {
            e.required("type");
        } else if (!TYPE_CODE.matcher(r.type()).matches() || !ref.types().contains(r.type())) {
            e.add("type", "未知的活动类型（见 /api/v1/activities/types） / unknown activity type");
        }

        String title = blankToNull(r.title());
        if (title == null) {
            e.required("title");
        } else if (title.length() > 100) {
            e.add("title", "最多 100 个字符 / at most 100 characters");
        }
        String description = blankToNull(r.description());
        if (description != null && description.length() > 2000) {
            e.add("description", "最多 2000 个字符 / at most 2000 characters");
        }

        if (r.stationId() == null) {
            e.required("stationId");
        } else {
            String venue = ref.venueStatus().get(r.stationId());
            if (venue == null) {
                e.add("stationId", "未知的站点 / unknown station");
            } else if (status == ActivityStatus.PUBLISHED && !"ACTIVE".equals(venue)) {
                e.add("stationId", "站点未开放（" + venue + "），不能发布将来的活动 / the station is not active (" + venue
                        + "); upcoming activities need an active station");
            }
        }

        Instant startsAt = micros(r.startsAt());
        Instant endsAt = micros(r.endsAt());
        if (startsAt == null) {
            e.required("startsAt");
        }
        if (endsAt == null) {
            e.required("endsAt");
        }
        if (startsAt != null && endsAt != null) {
            if (!endsAt.isAfter(startsAt)) {
                e.add("endsAt", "结束时间须晚于开始时间 / must be after startsAt");
            } else if (Duration.between(startsAt, endsAt).compareTo(MAX_DURATION) > 0) {
                e.add("endsAt", "活动最长 7 天 / an activity lasts at most 7 days");
            } else if (status == ActivityStatus.PUBLISHED && !endsAt.isAfter(now)) {
                e.add("status", "已结束的活动不能是 PUBLISHED，请以 COMPLETED 或 CANCELLED 推送 / an activity that is over "
                        + "cannot be PUBLISHED; push it as COMPLETED or CANCELLED");
            } else if (status == ActivityStatus.COMPLETED && startsAt.isAfter(now)) {
                e.add("status", "尚未开始的活动不能是 COMPLETED / an activity that has not started cannot be COMPLETED");
            }
        }

        Integer capacity = r.capacity();
        if (capacity != null && (capacity < 1 || capacity > 10_000)) {
            e.add("capacity", "须在 1 到 10000 之间 / must be between 1 and 10000");
        }

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

        String cancelReason = blankToNull(r.cancelReason());
        if (status == ActivityStatus.CANCELLED) {
            if (cancelReason == null) {
                e.required("cancelReason");
            } else if (cancelReason.length() > 300) {
                e.add("cancelReason", "最多 300 个字符 / at most 300 characters");
            }
        } else if (cancelReason != null) {
            e.add("cancelReason", "仅 CANCELLED 的记录有取消原因 / only CANCELLED records have a reason");
        }

        List<PushRecord.Participant> participants = null;
        Integer count = r.participantCount();
        if (r.participants() != null && count != null) {
            e.add("participantCount", "participants 与 participantCount 只能给出其一 / give participants or participantCount, not both");
        } else if (status != null && status != ActivityStatus.COMPLETED && (r.participants() != null || count != null)) {
            e.add(r.participants() != null ? "participants" : "participantCount",
                    "仅 COMPLETED 的记录有参加者 / only COMPLETED records have participants");
        } else if (status == ActivityStatus.COMPLETED && r.participants() == null && count == null
                && !unreadable.contains("participants") && !unreadable.contains("participantCount")) {
            e.add("participantCount", "已举行的活动须给出 participants 或 participantCount / a COMPLETED record needs "
                    + "participants or participantCount");
        }
        if (count != null && (count < 0 || count > MAX_PARTICIPANT_COUNT)) {
            e.add("participantCount", "须在 0 到 " + MAX_PARTICIPANT_COUNT + " 之间 / must be between 0 and " + MAX_PARTICIPANT_COUNT);
        }
        if (r.participants() != null) {
            participants = participants(r.participants(), startsAt, endsAt, e);
        }

        if (errors.size() > before) {
            return null;
        }
        String[] occupationArray = occupations.toArray(String[]::new);
        List<String> organiserList = List.copyOf(organisers);
        String hash = hash(r.recordId(), r.type(), title, description, r.stationId(), startsAt, endsAt, capacity,
                occupationArray, organiserList, status, cancelReason, participants, count);
        return new Normalised(r.recordId(), r.type(), title, description, r.stationId(), startsAt, endsAt, capacity,
                occupationArray, organiserList, status, cancelReason, participants, count, hash);
    }

    private static List<PushRecord.Participant> participants(List<PushRecord.Participant> given, Instant startsAt,
                                                             Instant endsAt, Errors e) {
        if (given.size() > MAX_PARTICIPANTS) {
            e.add("participants", "最多 " + MAX_PARTICIPANTS + " 人；更多时请只报人数 / at most " + MAX_PARTICIPANTS
                    + " named participants; report larger numbers with participantCount");
            return null;
        }
        Set<String> seen = new HashSet<>(given.size() * 2);
        List<PushRecord.Participant> out = new ArrayList<>(given.size());
        for (int i = 0; i < given.size(); i++) {
            PushRecord.Participant p = given.get(i);
            String path = "participants[" + i + "]";
            if (p.id() == null) {
                e.required(path + ".id");
            } else if (!PARTICIPANT_ID.matcher(p.id()).matches()) {
                e.add(path + ".id", "须为化名编号：1–64 个字母、数字、. _ - / must be a pseudonymous id: 1 to 64 letters, digits, . _ -");
            } else if (PERSONAL_ID.matcher(p.id()).matches()) {
                e.add(path + ".id", "不得使用手机号或身份证号，请使用化名编号 / must not be a phone or ID-card number; use a "
                        + "pseudonymous id");
            } else if (!seen.add(p.id())) {
                e.add(path + ".id", "同一参加者出现两次 / the same participant appears twice");
            }
            Instant checkedInAt = micros(p.checkedInAt());
            if (checkedInAt != null && startsAt != null && endsAt != null
                    && (checkedInAt.isBefore(startsAt.minus(CHECK_IN_SLACK)) || checkedInAt.isAfter(endsAt.plus(CHECK_IN_SLACK)))) {
                e.add(path + ".checkedInAt", "签到时间须在活动前后 12 小时内 / must lie within 12 hours of the activity");
            }
            out.add(new PushRecord.Participant(p.id(), checkedInAt == null ? startsAt : checkedInAt));
        }
        out.sort(Comparator.comparing(PushRecord.Participant::id, Comparator.nullsFirst(Comparator.naturalOrder())));
        return out;
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
    }
}
