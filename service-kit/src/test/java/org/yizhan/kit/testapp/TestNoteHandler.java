package org.yizhan.kit.testapp;

import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.yizhan.kit.events.CloudEventCodec;
import org.yizhan.kit.inbox.EventHandler;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The test application's consumer: applies {@code kittest.noted} from {@link #TOPIC} by adding a
 * row to test_effect. A note can ask to be refused (poison), to be refused until its text is
 * {@link #fix fixed} (a handler bug fixed later), or to fail with an error of no known kind.
 */
@ApplicationScoped
public class TestNoteHandler implements EventHandler {

    public static final String TOPIC = "yizhan.kittest.v1";
    public static final String TYPE = "kittest.noted";

    /** The event's data. */
    public record Note(String text, boolean poison, boolean needsFix, boolean unknownFailure) {
    }

    private final CloudEventCodec codec;
    private final EntityManager em;
    private final Set<String> fixed = ConcurrentHashMap.newKeySet();

    public TestNoteHandler(CloudEventCodec codec, EntityManager em) {
        this.codec = codec;
        this.em = em;
    }

    /** From now on, notes with this text that need the fix are applied. */
    public void fix(String text) {
        fixed.add(text);
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public Set<String> types() {
        return Set.of(TYPE);
    }

    @Override
    public void handle(CloudEvent event) {
        Note note = codec.data(event, Note.class);
        if (note.poison()) {
            throw new IllegalArgumentException("kittest.noted is poison");
        }
        if (note.needsFix() && !fixed.contains(note.text())) {
            throw new IllegalArgumentException("kittest.noted needs the fix");
        }
        if (note.unknownFailure()) {
            throw new IllegalStateException("a bug");
        }
        em.createNativeQuery("insert into test_effect (event_id, note) values (:id, :note)")
                .setParameter("id", event.getId()).setParameter("note", note.text()).executeUpdate();
    }
}
