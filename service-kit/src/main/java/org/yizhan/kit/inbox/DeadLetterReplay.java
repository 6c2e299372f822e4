package org.yizhan.kit.inbox;

import io.cloudevents.CloudEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.yizhan.kit.config.EventsConfig;
import org.yizhan.kit.events.CloudEventCodec;
import org.yizhan.kit.paging.Keyset;
import org.yizhan.kit.paging.KeysetCursor;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;
import org.yizhan.kit.time.AppClock;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What an operator does with dead letters: list them, read one, and replay one through the same
 * inbox and handler as the consumer, so that an event is applied at most once however often it is
 * replayed. A replay and its record are one transaction, and the dead letter's row lock keeps two
 * replays of it from running at once.
 */
@ApplicationScoped
public class DeadLetterReplay {

    private static final Logger LOG = Logger.getLogger(DeadLetterReplay.class);
    private static final String CURSOR = "dead-letters";

    /** What a replay did, and when. */
    public record Replayed(DeadLetter.ReplayOutcome outcome, Instant at) {
    }

    private final DeadLetterStore store;
    private final EventApplier applier;
    private final CloudEventCodec codec;
    private final EventsConfig config;
    private final AppClock clock;

    public DeadLetterReplay(DeadLetterStore store, EventApplier applier, CloudEventCodec codec, EventsConfig config,
                            AppClock clock) {
        this.store = store;
        this.applier = applier;
        this.codec = codec;
        this.config = config;
        this.clock = clock;
    }

    /** A page of dead letters, newest first; {@code replayed} filters if given. */
    public Page<DeadLetter> list(Boolean replayed, String cursor, int limit) {
        KeysetCursor after = KeysetCursor.decode(CURSOR, cursor, 2);
        return Keyset.page(store.page(group(), replayed, after == null ? null : after.instant(0),
                        after == null ? null : after.uuid(1), Keyset.fetchSize(limit)), limit,
                d -> KeysetCursor.of(CURSOR, d.deadLetteredAt(), d.id()));
    }

    /** One dead letter. */
    public DeadLetter get(UUID id) {
        return store.find(group(), id).orElseThrow(DeadLetterReplay::notFound);
    }

    /**
     * Applies the dead letter's event now.
     *
     * @throws ProblemException 404 unknown, 409 replayed before, 422 unreadable or rejected again,
     *                          503 the database or Kafka is away (try again later)
     */
    public Replayed replay(UUID id, String operator) {
        try {
            return QuarkusTransaction.requiringNew()
                    .timeout((int) Math.max(1, config.consumer().transactionTimeout().toSeconds()))
                    .call(() -> replayLocked(id, operator));
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failed(id, e);
        }
    }

    private Replayed replayLocked(UUID id, String operator) {
        DeadLetter letter = store.lock(group(), id).orElseThrow(DeadLetterReplay::notFound);
        if (letter.replayedAt() != null) {
            throw new ProblemException(ProblemType.CONFLICT,
                    "该死信已于 " + letter.replayedAt() + " 重放（" + letter.replayOutcome() + "），再次重放不会改变任何数据",
                    "This dead letter was replayed at " + letter.replayedAt() + " (" + letter.replayOutcome()
                            + "); replaying it again would change nothing");
        }
        CloudEvent event;
        try {
            event = codec.deserialize(letter.payload());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "该死信不是可读的 CloudEvent，无法重放",
                    "This dead letter is not a readable CloudEvent and cannot be replayed");
        }
        Optional<EventHandler> handler = applier.handlerFor(letter.sourceTopic(), event.getType());
        DeadLetter.ReplayOutcome outcome = handler.isEmpty() ? DeadLetter.ReplayOutcome.NOT_HANDLED
                : applier.apply(handler.get(), event) ? DeadLetter.ReplayOutcome.APPLIED
                : DeadLetter.ReplayOutcome.ALREADY_APPLIED;
        Instant now = clock.now();
        store.markReplayed(id, outcome, operator, now);
        LOG.infof("Dead letter %s replayed: %s", id, outcome);
        return new Replayed(outcome, now);
    }

    private ProblemException failed(UUID id, RuntimeException e) {
        FailureKind kind = Failures.classify(e);
        String reason = Failures.describe(e);
        LOG.warnf("Replay of dead letter %s failed (%s, %s)", id, kind, Failures.rootType(e));
        if (kind == FailureKind.TRANSIENT) {
            return new ProblemException(ProblemType.UNAVAILABLE, "数据库或 Kafka 暂时不可用，请稍后重放",
                    "The database or Kafka is away for now; replay again later");
        }
        try {
            store.recordFailedReplay(id, reason);
        } catch (RuntimeException ignored) {
            // The answer says what went wrong; the count of attempts is only a convenience.
        }
        return new ProblemException(ProblemType.UNPROCESSABLE, "事件再次被拒绝：" + reason,
                "The event was rejected again: " + reason);
    }

    private String group() {
        return config.consumer().groupId();
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("死信", "The dead letter");
    }
}
