package org.yizhan.gateway;

import org.jboss.logging.Logger;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The instances of one service behind the gateway and which of them are in rotation. Requests go to
 * the instances in rotation in turn (round robin); an instance leaves rotation when its readiness check
 * fails ({@link InstanceHealthChecks}) or when it refuses a forwarded request's connection, and comes
 * back with its next successful check (ADR 0024).
 *
 * <p>Instances start in rotation, so that a gateway started next to its services forwards at once; the
 * first check runs as the gateway starts.
 */
final class UpstreamPool {

    private static final Logger LOG = Logger.getLogger(UpstreamPool.class);

    private final String name;
    private final List<Instance> instances;
    private final AtomicInteger next = new AtomicInteger();

    /**
     * One instance: where requests go ({@code address}) and where its readiness is checked
     * ({@code management}).
     */
    static final class Instance {

        private final Upstream address;
        private final Upstream management;
        private volatile boolean inRotation = true;
        private final AtomicInteger failedChecks = new AtomicInteger();

        Instance(Upstream address, Upstream management) {
            this.address = address;
            this.management = management;
        }

        Upstream address() {
            return address;
        }

        Upstream management() {
            return management;
        }

        boolean inRotation() {
            return inRotation;
        }

        /** Counts a failed readiness check; returns how many failed in a row. */
        int checkFailed() {
            return failedChecks.incrementAndGet();
        }

        /** A readiness check passed: the failures in a row start again from none. */
        void checkPassed() {
            failedChecks.set(0);
        }

        /** {@code host:port}, the instance's name in logs, metrics and the readiness data. */
        String id() {
            String host = address.host().contains(":") ? "[" + address.host() + "]" : address.host();
            return host + ":" + address.port();
        }
    }

    private UpstreamPool(String name, List<Instance> instances) {
        this.name = name;
        this.instances = List.copyOf(instances);
    }

    /**
     * The instances of {@code name} from its configured URLs and management URLs, paired in order;
     * fails at startup when the two lists differ in length or the instances differ in base path.
     */
    static UpstreamPool of(String name, List<URI> urls, List<URI> managementUrls) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("No URL is configured for " + name);
        }
        if (urls.size() != managementUrls.size()) {
            throw new IllegalArgumentException("The " + urls.size() + " URL(s) of " + name + " need as many management"
                    + " URLs, one per instance in the same order; " + managementUrls.size() + " configured");
        }
        List<Instance> instances = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            Upstream address = Upstream.of(name, urls.get(i));
            if (!instances.isEmpty() && !instances.get(0).address().basePath().equals(address.basePath())) {
                throw new IllegalArgumentException("The instances of " + name + " must share one base path: " + urls);
            }
            instances.add(new Instance(address, Upstream.of(name, managementUrls.get(i))));
        }
        return new UpstreamPool(name, instances);
    }

    String name() {
        return name;
    }

    List<Instance> instances() {
        return instances;
    }

    /** The path put before every forwarded path, the same for every instance. */
    String basePath() {
        return instances.get(0).address().basePath();
    }

    /**
     * The next instance in rotation, preferring one not in {@code tried} (a request sent again goes to
     * another instance when there is one); null when no instance is in rotation.
     */
    Instance next(Collection<Instance> tried) {
        int size = instances.size();
        int start = Math.floorMod(next.getAndIncrement(), size);
        Instance fallback = null;
        for (int i = 0; i < size; i++) {
            Instance candidate = instances.get((start + i) % size);
            if (!candidate.inRotation) {
                continue;
            }
            if (!tried.contains(candidate)) {
                return candidate;
            }
            if (fallback == null) {
                fallback = candidate;
            }
        }
        return fallback;
    }

    /** Whether at least one instance is in rotation. */
    boolean anyInRotation() {
        for (Instance instance : instances) {
            if (instance.inRotation) {
                return true;
            }
        }
        return false;
    }

    /** Whether an instance not in {@code tried} is in rotation. */
    boolean anotherInRotation(Collection<Instance> tried) {
        for (Instance instance : instances) {
            if (instance.inRotation && !tried.contains(instance)) {
                return true;
            }
        }
        return false;
    }

    /** How many instances are in rotation. */
    long inRotation() {
        return instances.stream().filter(Instance::inRotation).count();
    }

    /** Takes {@code instance} out of rotation; logged once per change. */
    synchronized void takeOut(Instance instance, String reason) {
        if (instance.inRotation) {
            instance.inRotation = false;
            LOG.warnf("Instance %s of %s left rotation (%s); %d of %d in rotation", instance.id(), name, reason,
                    inRotation(), instances.size());
        }
    }

    /** Puts {@code instance} back into rotation; logged once per change. */
    synchronized void putBack(Instance instance) {
        if (!instance.inRotation) {
            instance.inRotation = true;
            LOG.infof("Instance %s of %s is ready and back in rotation; %d of %d in rotation", instance.id(), name,
                    inRotation(), instances.size());
        }
    }
}
