package org.masthead.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import org.masthead.popularity.Popularity;

/**
 * {@code /_/health}: JSON for load balancers and people (200 while the node serves pages; counting
 * problems show as "degraded" rather than taking the node out). {@code /_/metrics}: Prometheus.
 */
public final class OpsRoutes {
    private final Popularity popularity;
    private final PrometheusMeterRegistry metrics;
    private final ObjectMapper json = new ObjectMapper();

    public OpsRoutes(Popularity popularity, PrometheusMeterRegistry metrics) {
        this.popularity = popularity;
        this.metrics = metrics;
    }

    public void mount(JavalinDefaultRoutingApi r) {
        r.get("/_/health", this::health);
        r.get("/_/metrics", ctx -> ctx.header("Cache-Control", "no-store").contentType("text/plain; version=0.0.4; charset=utf-8")
            .result(metrics.scrape()));
    }

    private void health(Context ctx) throws Exception {
        var h = popularity.health();
        var counting = new LinkedHashMap<String, Object>();
        counting.put("healthy", h.healthy());
        counting.put("store", h.store());
        counting.put("pendingKeys", h.pendingKeys());
        counting.put("dropped", h.dropped());
        counting.put("lastFlushAt", h.lastFlushAt());
        if (!h.lastError().isEmpty()) counting.put("lastError", h.lastError());
        var body = new LinkedHashMap<String, Object>();
        body.put("status", h.healthy() ? "ok" : "degraded");
        body.put("counting", counting);
        ctx.header("Cache-Control", "no-store").contentType("application/json").result(json.writeValueAsString(body));
    }
}
