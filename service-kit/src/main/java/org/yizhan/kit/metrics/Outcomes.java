package org.yizhan.kit.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.yizhan.kit.problem.ProblemException;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Counters of what became of an operation (a booking, a registration, a partner push), with one
 * tag, {@code outcome}, from a short fixed list: never an id, a name or any other personal data.
 * An operation refused with a problem counts as {@code refused_<problem type>} (for example
 * {@code refused_conflict}), one that failed otherwise as {@code failed}.
 */
@ApplicationScoped
public class Outcomes {

    /** The outcome of an operation that failed with anything but a problem answer. */
    public static final String FAILED = "failed";

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public Outcomes(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts one {@code outcome} of {@code name}. */
    public void count(String name, String outcome) {
        count(name, outcome, 1);
    }

    /** Counts {@code amount} (at least 0) {@code outcome}s of {@code name}, such as the records of a batch. */
    public void count(String name, String outcome, long amount) {
        if (amount <= 0) {
            return;
        }
        counters.computeIfAbsent(name + '\u0000' + outcome, k -> Counter.builder(name)
                .description("What became of " + name.replace('.', ' ') + ", by outcome")
                .tag("outcome", outcome).register(registry)).increment(amount);
    }

    /**
     * Runs {@code operation} and counts its outcome: {@code outcome} of its result, or the refusal
     * or failure it ended with (which is thrown on).
     */
    public <T> T track(String name, Supplier<T> operation, Function<? super T, String> outcome) {
        T result;
        try {
            result = operation.get();
        } catch (ProblemException e) {
            count(name, refused(e));
            throw e;
        } catch (RuntimeException e) {
            count(name, FAILED);
            throw e;
        }
        count(name, outcome.apply(result));
        return result;
    }

    /** The outcome of an operation refused with {@code problem}. */
    public static String refused(ProblemException problem) {
        return "refused_" + problem.type().name().toLowerCase(Locale.ROOT);
    }
}
