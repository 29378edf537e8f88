package org.masthead.ops;

import org.masthead.http.CacheControl;
import org.masthead.http.Access;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import org.masthead.popularity.Popularity;

/**
 * {@code /_/health}: JSON for load balancers and people (200 while the node serves pages; counting
 * problems show as "degraded" rather than taking the node out). {@code /_/metrics}: Prometheus, for
 * scrapers on this machine, or anywhere with {@code Authorization: Bearer <ops.metrics-token>}.
 */
public final class OpsRoutes {
    private final Popularity popularity;
    private final PrometheusMeterRegistry metrics;
    private final ObjectMapper json = new ObjectMapper();
    private final String metricsToken;

    private final org.masthead.http.ClientAddress clients;

    public OpsRoutes(Popularity popularity, PrometheusMeterRegistry metrics, String metricsToken, org.masthead.http.ClientAddress clients) {
        this.clients = clients;
        this.popularity = popularity;
        this.metrics = metrics;
        this.metricsToken = metricsToken;
    }

    public void mount(JavalinDefaultRoutingApi r) {
        r.get("/_/health", this::health, Access.ANYONE);
        r.get("/_/metrics", this::metrics, Access.OPS);
    }

    private void metrics(Context ctx) {
        ctx.header("Cache-Control", CacheControl.NO_STORE);
        var auth = ctx.header("Authorization");
        boolean tokenOk = !metricsToken.isEmpty() && auth != null && java.security.MessageDigest.isEqual(
            ("Bearer " + metricsToken).getBytes(java.nio.charset.StandardCharsets.UTF_8), auth.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        boolean local = isLoopback(clients.resolve(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For")));
        if (!tokenOk && !local) {
            ctx.status(403).contentType("text/plain; charset=utf-8")
                .result("Metrics are served to this machine, or with 'Authorization: Bearer <ops.metrics-token>'.");
            return;
        }
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }

    private static boolean isLoopback(String address) {
        try {
            return address != null && java.net.InetAddress.getByName(address).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
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
        ctx.header("Cache-Control", CacheControl.NO_STORE).contentType("application/json").result(json.writeValueAsString(body));
    }
}
