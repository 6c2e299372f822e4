package org.yizhan.system.stack;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.yizhan.localstack.run.Stack;

import java.util.Map;

/**
 * One stack for the test classes that only read and write through the gateway and need nothing of
 * a stack but that it runs (no faults, no settings of their own): each class that is extended with
 * this gets the same stack, started by the first of them and stopped when the whole test run ends.
 * Starting a stack costs about 40 s of CI time; the classes that share it use data of their own
 * (their own stations, activities and subjects), so that none sees another's.
 */
public final class SharedStack implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedStack.class);

    private static volatile Running running;

    /** The shared stack; only valid in a class extended with {@code @ExtendWith(SharedStack.class)}. */
    public static Stack get() {
        Running r = running;
        if (r == null) {
            throw new IllegalStateException("the test class is not extended with SharedStack");
        }
        return r.stack();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Running.class, key -> new Running(TestStacks.up("shared", Map.of())), Running.class);
    }

    /** Kept in the root context's store, which closes it once every test class has run. */
    private record Running(Stack stack) implements AutoCloseable {
        @Override
        public void close() {
            running = null;
            TestStacks.down(stack);
        }
    }
}
