package org.yizhan.services.service.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.yizhan.kit.idempotency.IdempotencyKeys;
import org.yizhan.kit.jdbc.CopyRows;
import org.yizhan.kit.metrics.Outcomes;
import org.yizhan.kit.privacy.Pseudonyms;
import org.yizhan.kit.time.AppClock;
import org.yizhan.kit.problem.Problem;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;
import org.yizhan.services.domain.activity.Activity;
import org.yizhan.services.domain.activity.ActivitySource;
import org.yizhan.services.domain.activity.ActivityStatus;
import org.yizhan.services.events.activity.ActivityEvents;
import org.yizhan.services.service.activity.Caller;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Partner systems push activity records in batches: each record is created, updated, left
 * unchanged or rejected on its own, keyed by the partner's own record id. A batch is written with
 * a handful of JDBC batches whatever its size, and a dry run goes the same way and is rolled back.
 */
@ApplicationScoped
public class PartnerPush {

    private static final Logger LOG = Logger.getLogger(PartnerPush.class);

    /** Most records in one batch. */
    public static final int MAX_RECORDS = 1_000;

    /** What a sheet or a JSON body came as. */
    public enum Format {
        JSON, CSV
    }

    /** The answer as sent, and whether it is the stored answer of an earlier request with the same key. */
    public record Answer(String json, boolean replayed) {
    }

    private final EntityManager em;
    private final ActivityEvents events;
    private final IdempotencyKeys idempotency;
    private final ObjectMapper json;
    private final Pseudonyms pseudonyms;
    private final AppClock clock;
    private final Outcomes outcomes;

    /** yizhan_partner_pushes_total{outcome}: stored, replayed (same Idempotency-Key) or dry_run. */
    static final String PUSHES = "yizhan.partner.pushes";
    /** yizhan_partner_push_records_total{outcome}: created, updated, unchanged or rejected, of stored pushes. */
    static final String PUSHED_RECORDS = "yizhan.partner.push.records";

    public PartnerPush(EntityManager em, ActivityEvents events, IdempotencyKeys idempotency, ObjectMapper json,
                       Pseudonyms pseudonyms, AppClock clock, Outcomes outcomes) {
        this.outcomes = outcomes;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
        this.em = em;
        this.events = events;
        this.idempotency = idempotency;
        this.json = json;
    }

    /**
     * Takes a batch for the caller's partner. With an Idempotency-Key, a retry of the same request
     * gets the first answer verbatim and changes nothing; {@code request} is what is fingerprinted.
     * A dry run validates and classifies exactly like a real push, then rolls everything back.
     */
    @Transactional
    public Answer push(Caller caller, Format format, List<PushInput> inputs, boolean dryRun, String idempotencyKey,
                       Object request) {
        String partner = caller.partner();
        if (partner == null) {
            throw new ProblemException(ProblemType.FORBIDDEN, "仅合作单位的系统可推送记录",
                    "Only partner systems push records");
        }
        long started = System.nanoTime();
        if (idempotencyKey != null) {
            // A dry run claims in its own scope, inside the transaction it rolls back: the key is
            // checked, and neither reserved nor matched against real pushes.
            String scope = "activity.partner-push." + format.name().toLowerCase() + (dryRun ? ".dry-run:" : ":") + partner;
            Optional<String> earlier = idempotency.claim(scope, idempotencyKey, request);
            if (earlier.isPresent()) {
                outcomes.count(PUSHES, "replayed");
                return new Answer(storedAnswer(UUID.fromString(earlier.get())), true);
            }
        }
        long claimed = System.nanoTime();
        Session session = em.unwrap(Session.class);
        em.flush();
        Instant now = clock.now();
        Batch batch = session.doReturningWork(connection -> run(connection, caller, inputs, now, dryRun));

        UUID batchId = dryRun ? null : UUID.randomUUID();
        PushAnswer answer = new PushAnswer(batchId, dryRun, inputs.size(), batch.count(PushAnswer.Outcome.CREATED),
                batch.count(PushAnswer.Outcome.UPDATED), batch.count(PushAnswer.Outcome.UNCHANGED),
                batch.count(PushAnswer.Outcome.REJECTED), batch.results);
        String body = serialize(answer);
        long answered = System.nanoTime();
        if (!batch.changes.isEmpty()) {
            events.announceAll(batch.changes);
        }
        long announced = System.nanoTime();
        if (LOG.isDebugEnabled()) {
            LOG.debugf("Push of %d records (%d changed): claim %d ms, read %d ms, rules %d ms, write %d ms, answer %d ms,"
                            + " events %d ms", inputs.size(), batch.changes.size(), ms(claimed - started),
                    ms(batch.checked - claimed), ms(batch.ruled - batch.checked), ms(batch.written - batch.ruled),
                    ms(answered - batch.written), ms(announced - answered));
        }
        if (dryRun) {
            QuarkusTransaction.setRollbackOnly();
            outcomes.count(PUSHES, "dry_run");
            return new Answer(body, false);
        }
        String stored = idempotencyKey == null ? null : body;
        session.doWork(connection -> storeBatch(connection, batchId, partner, format, answer, stored, caller.subject(), now));
        if (idempotencyKey != null) {
            String scope = "activity.partner-push." + format.name().toLowerCase() + ":" + partner;
            idempotency.complete(scope, idempotencyKey, batchId.toString());
        }
        outcomes.count(PUSHES, "stored");
        for (PushAnswer.Outcome outcome : PushAnswer.Outcome.values()) {
            outcomes.count(PUSHED_RECORDS, outcome.name().toLowerCase(java.util.Locale.ROOT), batch.count(outcome));
        }
        return new Answer(body, false);
    }

    /** The activity a partner's record id stands for, if the partner pushed it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Activity> find(String partner, String recordId) {
        return em.createQuery("from Activity a where a.sourcePartner = :partner and a.sourceRecordId = :recordId",
                        Activity.class)
                .setParameter("partner", partner).setParameter("recordId", recordId)
                .getResultStream().findFirst();
    }

    /** Results of a batch, and the activities whose state changed. */
    private static final class Batch {
        final List<PushAnswer.Result> results = new ArrayList<>();
        final List<ActivityEvents.Change> changes = new ArrayList<>();
        /** When reading the reference data, checking the records and writing them ended (nanoTime). */
        long checked;
        long ruled;
        long written;

        int count(PushAnswer.Outcome outcome) {
            int n = 0;
            for (PushAnswer.Result r : results) {
                if (r.outcome() == outcome) {
                    n++;
                }
            }
            return n;
        }
    }

    /** A pushed activity as it is stored. */
    private record Existing(UUID id, String hash, ActivityStatus status, int version, Instant createdAt,
                            Instant publishedAt, Instant completedAt) {
    }

    private Batch run(Connection c, Caller caller, List<PushInput> inputs, Instant now, boolean dryRun)
            throws SQLException {
        String partner = caller.partner();
        // One batch of a partner at a time: two batches naming the same record id must not both insert it.
        try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(hashtext('partner-push'), hashtext(?))")) {
            lock.setString(1, partner);
            lock.execute();
        }
        RecordRules.Reference reference = reference(c, inputs);
        Batch batch = new Batch();
        batch.checked = System.nanoTime();
        Checked checked = check(inputs, partner, reference, now);
        batch.ruled = System.nanoTime();
        Plan plan = plan(checked, existing(c, partner, checked.valid), now, dryRun);
        write(c, caller, plan.inserts, plan.updates, now);
        batch.written = System.nanoTime();
        // A new activity's only organiser is the pushing partner (named partners are invited):
        // only updated ones are read back, for the organisers that accepted meanwhile.
        Map<UUID, Set<String>> organisers = organisers(c, plan.updates);
        for (Row row : plan.inserts) {
            batch.changes.add(change(row, caller, organisers.get(row.id), now));
        }
        for (Row row : plan.updates) {
            batch.changes.add(change(row, caller, organisers.get(row.id), now));
        }
        results(inputs, checked, plan, batch);
        return batch;
    }

    /** The records that passed the rules (null where one did not), and each record's errors. */
    private record Checked(RecordRules.Normalised[] valid, List<List<Problem.FieldError>> errors) {
    }

    /**
     * Checks every record on its own; a record id repeated in the batch rejects the later record.
     *
     * @throws ProblemException 400 naming every field that refuses the whole push (ADR 0014)
     */
    private static Checked check(List<PushInput> inputs, String partner, RecordRules.Reference reference, Instant now) {
        int n = inputs.size();
        List<Problem.FieldError> refusals = new ArrayList<>();
        RecordRules.Normalised[] valid = new RecordRules.Normalised[n];
        List<List<Problem.FieldError>> errors = new ArrayList<>(n);
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < n; i++) {
            PushInput input = inputs.get(i);
            List<Problem.FieldError> recordErrors = new ArrayList<>(input.readErrors());
            List<Problem.FieldError> recordRefusals = new ArrayList<>();
            errors.add(recordErrors);
            PushRecord record = input.record();
            if (record == null) {
                continue;
            }
            Integer first = record.recordId() == null ? null : firstIndex.putIfAbsent(record.recordId(), i);
            if (first != null) {
                recordErrors.add(new Problem.FieldError("recordId", "与本批第 " + first + " 条记录重复 / repeats record "
                        + first + " of this batch"));
            }
            RecordRules.Normalised normalised = RecordRules.check(record, input.unreadable(), partner, reference, now,
                    recordErrors, recordRefusals);
            if (recordErrors.isEmpty()) {
                valid[i] = normalised;
            }
            for (Problem.FieldError e : recordRefusals) {
                refusals.add(new Problem.FieldError(input.fieldName().apply(e.field()), e.message()));
            }
        }
        if (!refusals.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "推送含有个人号码或不可能的数据，整批未被接收",
                    "The push carries personal numbers or impossible figures; nothing of it was taken", refusals);
        }
        return new Checked(valid, errors);
    }

    /** What the batch does: the rows to insert and update, and each record's outcome, activity and version. */
    private static final class Plan {
        final List<Row> inserts = new ArrayList<>();
        final List<Row> updates = new ArrayList<>();
        final PushAnswer.Outcome[] outcomes;
        final UUID[] ids;
        final int[] versions;

        Plan(int n) {
            outcomes = new PushAnswer.Outcome[n];
            ids = new UUID[n];
            versions = new int[n];
        }
    }

    /** Classifies each valid record against what is stored: CREATED, UNCHANGED, UPDATED or REJECTED. */
    private static Plan plan(Checked checked, Map<String, Existing> existing, Instant now, boolean dryRun) {
        Plan plan = new Plan(checked.valid.length);
        for (int i = 0; i < checked.valid.length; i++) {
            RecordRules.Normalised r = checked.valid[i];
            Existing old = r == null ? null : existing.get(r.recordId());
            if (r == null) {
                plan.outcomes[i] = PushAnswer.Outcome.REJECTED;
            } else if (old == null) {
                Row row = new Row(r, UUID.randomUUID(), 0, now, r.status() == ActivityStatus.PUBLISHED ? now : null,
                        r.status() == ActivityStatus.COMPLETED ? now : null);
                plan.inserts.add(row);
                plan.outcomes[i] = PushAnswer.Outcome.CREATED;
                plan.ids[i] = dryRun ? null : row.id;
            } else if (old.hash() != null && old.hash().equals(r.hash()) && old.status() == r.status()) {
                plan.outcomes[i] = PushAnswer.Outcome.UNCHANGED;
                plan.ids[i] = old.id();
                plan.versions[i] = old.version();
            } else if (transition(old.status(), r.status()) != null) {
                checked.errors.get(i).add(new Problem.FieldError("status", transition(old.status(), r.status())));
                plan.outcomes[i] = PushAnswer.Outcome.REJECTED;
            } else {
                Instant publishedAt = old.publishedAt() != null ? old.publishedAt()
                        : r.status() == ActivityStatus.PUBLISHED ? now : null;
                Instant completedAt = r.status() != ActivityStatus.COMPLETED ? null
                        : old.completedAt() != null ? old.completedAt() : now;
                Row row = new Row(r, old.id(), old.version() + 1, old.createdAt(), publishedAt, completedAt);
                plan.updates.add(row);
                plan.outcomes[i] = PushAnswer.Outcome.UPDATED;
                plan.ids[i] = old.id();
                plan.versions[i] = row.version;
            }
        }
        return plan;
    }

    /** One result per record, in the order sent; errors named as the format names fields. */
    private static void results(List<PushInput> inputs, Checked checked, Plan plan, Batch batch) {
        for (int i = 0; i < inputs.size(); i++) {
            PushInput input = inputs.get(i);
            PushRecord record = input.record();
            String recordId = record == null || record.recordId() == null
                    || record.recordId().length() > RecordRules.RECORD_ID_MAX ? null : record.recordId();
            boolean rejected = plan.outcomes[i] == PushAnswer.Outcome.REJECTED;
            List<Problem.FieldError> named = null;
            if (rejected) {
                named = new ArrayList<>();
                for (Problem.FieldError e : checked.errors.get(i)) {
                    if (named.size() == PushAnswer.ERRORS_MAX) {
                        break;
                    }
                    named.add(new Problem.FieldError(input.fieldName().apply(e.field()), e.message()));
                }
            }
            batch.results.add(new PushAnswer.Result(i, input.line(), recordId, plan.outcomes[i],
                    rejected ? null : plan.ids[i], rejected ? null : plan.versions[i], named));
        }
    }

    /** Why a stored activity in {@code from} cannot take a pushed {@code to}, or null if it can. */
    static String transition(ActivityStatus from, ActivityStatus to) {
        if (from == to || from == ActivityStatus.PUBLISHED) {
            return null;
        }
        return "活动已是 " + from + "，不能改为 " + to + " / the activity is " + from + " and cannot become " + to;
    }

    private static RecordRules.Reference reference(Connection c, List<PushInput> inputs) throws SQLException {
        Set<String> types = new HashSet<>();
        Set<String> partners = new HashSet<>();
        try (PreparedStatement q = c.prepareStatement("select code from activity_type");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                types.add(rs.getString(1));
            }
        }
        try (PreparedStatement q = c.prepareStatement("select code from partner");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                partners.add(rs.getString(1));
            }
        }
        Set<UUID> stations = new HashSet<>();
        for (PushInput input : inputs) {
            if (input.record() != null && input.record().stationId() != null) {
                stations.add(input.record().stationId());
            }
        }
        Map<UUID, String> venues = new HashMap<>();
        if (!stations.isEmpty()) {
            try (PreparedStatement q = c.prepareStatement("select v.station_id, v.status from unnest(cast(? as uuid[])) as s(id)"
                    + " join station_replica v on v.station_id = s.id")) {
                q.setArray(1, c.createArrayOf("uuid", stations.toArray()));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        venues.put(rs.getObject(1, UUID.class), rs.getString(2));
                    }
                }
            }
        }
        return new RecordRules.Reference(types, partners, venues);
    }

    private static Map<String, Existing> existing(Connection c, String partner, RecordRules.Normalised[] valid)
            throws SQLException {
        Set<String> recordIds = new LinkedHashSet<>();
        for (RecordRules.Normalised r : valid) {
            if (r != null) {
                recordIds.add(r.recordId());
            }
        }
        Map<String, Existing> found = new HashMap<>();
        if (recordIds.isEmpty()) {
            return found;
        }
        // A join on the unnested ids, not "= any(?)": with a thousand ids the planner may prefer a
        // sequential scan over the whole table to a thousand index lookups.
        try (PreparedStatement q = c.prepareStatement("select a.source_record_id, a.id, a.source_hash, a.status,"
                + " a.version, a.created_at, a.published_at, a.completed_at"
                + " from unnest(cast(? as varchar[])) as r(record_id)"
                + " join activity a on a.source_partner = ? and a.source_record_id = r.record_id for update of a")) {
            q.setArray(1, c.createArrayOf("varchar", recordIds.toArray()));
            q.setString(2, partner);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), new Existing(rs.getObject(2, UUID.class), rs.getString(3),
                            ActivityStatus.valueOf(rs.getString(4)), rs.getInt(5), instant(rs, 6), instant(rs, 7),
                            instant(rs, 8)));
                }
            }
        }
        return found;
    }

    /** An activity row to insert or update. */
    private record Row(RecordRules.Normalised r, UUID id, int version, Instant createdAt, Instant publishedAt,
                       Instant completedAt) {
    }

    private static final String UPDATE_ACTIVITY = "update activity set type = ?, title = ?, description = ?,"
            + " station_id = ?, starts_at = ?, ends_at = ?, capacity = ?, occupations = ?, status = ?,"
            + " cancel_reason = ?, source_hash = ?, reported_participants = ?, version = ?, updated_at = ?,"
            + " published_at = ?, completed_at = ?, venue_warning = null where id = ?";

    private void write(Connection c, Caller caller, List<Row> inserts, List<Row> updates, Instant now)
            throws SQLException {
        if (inserts.isEmpty() && updates.isEmpty()) {
            return;
        }
        if (!inserts.isEmpty()) {
            CopyRows rows = new CopyRows(inserts.size() * 400);
            for (Row row : inserts) {
                RecordRules.Normalised r = row.r;
                rows.text(r.type()).text(r.title()).text(r.description()).plain(r.stationId()).time(r.startsAt())
                        .time(r.endsAt()).plain(r.capacity()).textArray(r.occupations()).text(r.status().name())
                        .text(r.cancelReason()).text(r.hash()).plain(r.participantCount()).plain(row.version)
                        .time(now).time(row.publishedAt).time(row.completedAt).plain(row.id).time(row.createdAt)
                        .text(caller.subject()).text("PUSH").text(caller.partner()).text(r.recordId())
                        .text(caller.partner()).endRow();
            }
            rows.copyIn(c, COPY_ACTIVITY);
        }
        if (!updates.isEmpty()) {
            UUID[] updated = new UUID[updates.size()];
            try (PreparedStatement ps = c.prepareStatement(UPDATE_ACTIVITY)) {
                for (int i = 0; i < updates.size(); i++) {
                    Row row = updates.get(i);
                    int k = bindActivity(c, ps, row, now);
                    ps.setObject(k, row.id);
                    ps.addBatch();
                    updated[i] = row.id;
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "delete from attendance t using unnest(cast(? as uuid[])) as u(id)"
                            + " where t.activity_id = u.id and t.source = 'PUSH'")) {
                ps.setArray(1, c.createArrayOf("uuid", updated));
                ps.executeUpdate();
            }
        }
        addOrganisers(c, caller.partner(), inserts);
        arrangeOrganisers(c, caller.partner(), updates);
        List<Row> all = new ArrayList<>(inserts.size() + updates.size());
        all.addAll(inserts);
        all.addAll(updates);
        CopyRows attendance = new CopyRows(all.size() * 200);
        String prefix = caller.partner() + ":";
        // Named people are stored as pseudonyms, like app users (ADR 0014): never the partner's own id.
        for (Row row : all) {
            if (row.r.participants() == null) {
                continue;
            }
            for (PushRecord.Participant p : row.r.participants()) {
                attendance.plain(row.id).text(pseudonyms.of(prefix + p.id())).text("ATTENDED").text("PUSH").time(p.checkedInAt())
                        .time(now).endRow();
            }
        }
        attendance.copyIn(c, "copy attendance (activity_id, participant, kind, source, checked_in_at, recorded_at)"
                + " from stdin");
    }

    private static final String COPY_ACTIVITY = "copy activity (type, title, description, station_id,"
            + " starts_at, ends_at, capacity, occupations, status, cancel_reason, source_hash, reported_participants,"
            + " version, updated_at, published_at, completed_at, id, created_at, created_by, source, source_partner,"
            + " source_record_id, lead_partner) from stdin";

    /**
     * Organisers of new activities (ADR 0014), as {@link #arrangeOrganisers} leaves them: the
     * pushing partner organises them, the other partners a record names are invited. Nothing is
     * there to remove or to conflict with, so the rows are copied in.
     */
    private static void addOrganisers(Connection c, String partner, List<Row> inserts) throws SQLException {
        CopyRows organisers = new CopyRows(inserts.size() * 60);
        CopyRows invitations = new CopyRows(inserts.size() * 12);
        for (Row row : inserts) {
            organisers.plain(row.id).text(partner).endRow();
            for (String code : row.r.organisers()) {
                if (!code.equals(partner)) {
                    invitations.plain(row.id).text(code).endRow();
                }
            }
        }
        organisers.copyIn(c, "copy activity_organiser (activity_id, partner_code) from stdin");
        invitations.copyIn(c, "copy activity_invitation (activity_id, partner_code) from stdin");
    }

    /**
     * Organisers of updated records (ADR 0014): the pushing partner organises them; the other
     * partners a record names are invited, and become organisers only when they accept. Those a
     * record no longer names are removed, invited or not.
     */
    private static void arrangeOrganisers(Connection c, String partner, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        List<UUID> ids = new ArrayList<>();
        List<UUID> wantedIds = new ArrayList<>();
        List<String> wantedCodes = new ArrayList<>();
        for (Row row : rows) {
            ids.add(row.id);
            for (String code : row.r.organisers()) {
                wantedIds.add(row.id);
                wantedCodes.add(code);
            }
        }
        java.sql.Array idArray = c.createArrayOf("uuid", ids.toArray());
        java.sql.Array wantedIdArray = c.createArrayOf("uuid", wantedIds.toArray());
        java.sql.Array wantedCodeArray = c.createArrayOf("varchar", wantedCodes.toArray());
        for (String table : List.of("activity_organiser", "activity_invitation")) {
            try (PreparedStatement ps = c.prepareStatement("delete from " + table + " o using unnest(cast(? as uuid[])) as u(id)"
                    + " where o.activity_id = u.id and not exists (select 1 from unnest(cast(? as uuid[]),"
                    + " cast(? as varchar[])) as w(id, code) where w.id = o.activity_id and w.code = o.partner_code)")) {
                ps.setArray(1, idArray);
                ps.setArray(2, wantedIdArray);
                ps.setArray(3, wantedCodeArray);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("insert into activity_organiser (activity_id, partner_code)"
                + " select u.id, ? from unnest(cast(? as uuid[])) as u(id) on conflict do nothing")) {
            ps.setString(1, partner);
            ps.setArray(2, idArray);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("insert into activity_invitation (activity_id, partner_code)"
                + " select w.id, w.code from unnest(cast(? as uuid[]), cast(? as varchar[])) as w(id, code)"
                + " where not exists (select 1 from activity_organiser o where o.activity_id = w.id"
                + " and o.partner_code = w.code) on conflict do nothing")) {
            ps.setArray(1, wantedIdArray);
            ps.setArray(2, wantedCodeArray);
            ps.executeUpdate();
        }
    }

    /** The organisers (accepted) of the activities of {@code updates}, as written. */
    private static Map<UUID, Set<String>> organisers(Connection c, List<Row> updates) throws SQLException {
        Map<UUID, Set<String>> found = new HashMap<>();
        List<UUID> ids = new ArrayList<>();
        updates.forEach(r -> ids.add(r.id));
        if (ids.isEmpty()) {
            return found;
        }
        try (PreparedStatement q = c.prepareStatement("select o.activity_id, o.partner_code from unnest(cast(? as uuid[]))"
                + " as u(id) join activity_organiser o on o.activity_id = u.id")) {
            q.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    found.computeIfAbsent(rs.getObject(1, UUID.class), k -> new TreeSet<>()).add(rs.getString(2));
                }
            }
        }
        return found;
    }

    /** Binds the columns inserts and updates share, in the order of both statements; returns the next index. */
    private static int bindActivity(Connection c, PreparedStatement ps, Row row, Instant now) throws SQLException {
        RecordRules.Normalised r = row.r;
        int k = 1;
        ps.setString(k++, r.type());
        ps.setString(k++, r.title());
        ps.setString(k++, r.description());
        ps.setObject(k++, r.stationId());
        ps.setObject(k++, utc(r.startsAt()));
        ps.setObject(k++, utc(r.endsAt()));
        setInteger(ps, k++, r.capacity());
        ps.setArray(k++, c.createArrayOf("text", r.occupations()));
        ps.setString(k++, r.status().name());
        ps.setString(k++, r.cancelReason());
        ps.setString(k++, r.hash());
        setInteger(ps, k++, r.participantCount());
        ps.setInt(k++, row.version);
        ps.setObject(k++, utc(now));
        ps.setObject(k++, utc(row.publishedAt));
        ps.setObject(k++, utc(row.completedAt));
        return k;
    }

    /** The activity as its event describes it (not a managed entity). */
    private static ActivityEvents.Change change(Row row, Caller caller, Set<String> organisers, Instant now) {
        RecordRules.Normalised r = row.r;
        Activity a = new Activity();
        a.id = row.id;
        a.version = row.version;
        a.type = r.type();
        a.title = r.title();
        a.description = r.description();
        a.stationId = r.stationId();
        a.startsAt = r.startsAt();
        a.endsAt = r.endsAt();
        a.capacity = r.capacity();
        a.occupations = r.occupations();
        a.organisers = organisers == null ? new TreeSet<>(Set.of(caller.partner())) : organisers;
        a.leadPartner = caller.partner();
        a.status = r.status();
        a.cancelReason = r.cancelReason();
        a.source = ActivitySource.PUSH;
        a.sourcePartner = caller.partner();
        a.sourceRecordId = r.recordId();
        a.reportedParticipants = r.participantCount();
        a.createdAt = row.createdAt;
        a.updatedAt = now;
        a.publishedAt = row.publishedAt;
        a.completedAt = row.completedAt;
        int named = r.participants() == null ? 0 : r.participants().size();
        return new ActivityEvents.Change(a, new ActivityEvents.Attendance(named, 0, 0, 0));
    }

    private static void storeBatch(Connection c, UUID id, String partner, Format format, PushAnswer answer,
                                   String body, String subject, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into push_batch (id, partner, format, received, created,"
                + " updated, unchanged, rejected, answer, pushed_by, pushed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, id);
            ps.setString(2, partner);
            ps.setString(3, format.name());
            ps.setInt(4, answer.received());
            ps.setInt(5, answer.created());
            ps.setInt(6, answer.updated());
            ps.setInt(7, answer.unchanged());
            ps.setInt(8, answer.rejected());
            ps.setString(9, body);
            ps.setString(10, subject);
            ps.setObject(11, utc(now));
            ps.executeUpdate();
        }
    }

    private String storedAnswer(UUID batchId) {
        Object answer = em.createNativeQuery("select answer from push_batch where id = :id")
                .setParameter("id", batchId).getResultStream().findFirst().orElse(null);
        if (answer == null) {
            throw new IllegalStateException("push batch without a stored answer");
        }
        return (String) answer;
    }

    private String serialize(PushAnswer answer) {
        try {
            return json.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the push answer", e);
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static void setInteger(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    private static OffsetDateTime utc(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
