package org.yizhan.overview;

import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Runs the calls of a composed view at once and collects their parts by name. The view answers
 * when every part has ended (each within its timeout); if no part is OK, the view is a 503.
 */
@ApplicationScoped
public class Composition {

    private final Upstreams upstreams;

    public Composition(Upstreams upstreams) {
        this.upstreams = upstreams;
    }

    /** The parts of {@code calls} (name → call), in the same order. */
    public CompletionStage<Map<String, Part>> compose(Map<String, Upstreams.Call> calls, HttpHeaders headers) {
        List<String> names = List.copyOf(calls.keySet());
        List<Future<Part>> futures = names.stream().map(name -> upstreams.fetch(calls.get(name), headers)).toList();
        return Future.join(futures).map(all -> {
            Map<String, Part> parts = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                parts.put(names.get(i), futures.get(i).result());
            }
            if (parts.values().stream().noneMatch(Part::isOk)) {
                throw new ProblemException(ProblemType.UNAVAILABLE, "所有组成部分均暂时无法获取",
                        "None of the view's parts could be fetched");
            }
            return parts;
        }).toCompletionStage();
    }
}
