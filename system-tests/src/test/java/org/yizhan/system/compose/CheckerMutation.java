package org.yizhan.system.compose;

import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * One broken variant of the repository, the check of checker {@code C} that must notice it and what
 * it must say: the cases of the compose and the deployment checkers' mutation tests.
 */
public record CheckerMutation<C>(String name, UnaryOperator<RepoFiles> change, Function<C, List<String>> check,
                                 String expected) {

    /** Runs the check on {@code checker}, fails unless it reports the expected problem, and returns what it reported. */
    public List<String> reportedBy(C checker) {
        List<String> problems = check.apply(checker);
        if (problems.stream().noneMatch(p -> p.contains(expected))) {
            fail("expected a problem containing \"" + expected + "\", got " + problems);
        }
        return problems;
    }

    @Override
    public String toString() {
        return name;
    }
}
