package org.masthead.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import org.masthead.article.ArticleChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a CDN what to drop when an article changes: POSTs {@code {"surrogate_keys": [...]}} to
 * {@code cdn.purge-url} with the optional {@code cdn.purge-header} (e.g. "Fastly-Key: …"), off the
 * request thread (job "cdn-purge"), three tries. Keys are {@link SurrogateKeys}' — the same keys pages send in Surrogate-Key / Cache-Tag.
 * Fastly purges by surrogate key, Cloudflare by Cache-Tag, Varnish with an xkey VCL; point the URL at
 * a small adapter where the CDN's API wants another shape (docs/caching.md).
 */
public final class CdnPurges {
    private static final Logger log = LoggerFactory.getLogger(CdnPurges.class);
    private final String url;
    private final String headerName;
    private final String headerValue;
    private final okhttp3.OkHttpClient http;
    private record Pending(java.util.Set<String> keys, int attempts, long notBefore) {}

    private final java.util.concurrent.ConcurrentLinkedQueue<Pending> pending = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile Runnable nudger = () -> { };
    private final ObjectMapper json = new ObjectMapper();

    /** {@code header} is "Name: value" or empty. */
    private final java.time.Clock clock;

    public CdnPurges(String url, String header, org.masthead.http.OutboundGuard guard, java.time.Clock clock) {
        this.clock = clock;
        this.url = url;
        this.http = guard.client(Duration.ofSeconds(10)); // connects only to the addresses it checked
        int colon = header.indexOf(':');
        this.headerName = colon > 0 ? header.substring(0, colon).strip() : "";
        this.headerValue = colon > 0 ? header.substring(colon + 1).strip() : "";
    }

    public static java.util.Set<String> keysFor(ArticleChanged change) { return SurrogateKeys.forChange(change); }

    public void articleChanged(ArticleChanged change) {
        if (change.seen().isEmpty()) return; // never visible: nothing cached anywhere
        pending.add(new Pending(keysFor(change), 0, 0));
        nudger.run();
    }

    /** How to ask the jobs runner to send soon (set by app). */
    public void nudgeWith(Runnable nudger) { this.nudger = nudger; }

    /** Sends what is due (job "cdn-purge", on the node where the change happened); a failed purge is tried three times in all. */
    public void sendPending() {
        long now = clock.millis();
        for (int n = pending.size(); n > 0; n--) {
            var p = pending.poll();
            if (p == null) return;
            if (p.notBefore() > now) {
                pending.add(p);
            } else if (!send(p.keys(), p.attempts() + 1) && p.attempts() + 1 < 3) {
                pending.add(new Pending(p.keys(), p.attempts() + 1, now + 500L * (p.attempts() + 1)));
            }
        }
    }

    private boolean send(java.util.Set<String> keys, int attempt) {
        try {
            var req = new okhttp3.Request.Builder().url(url)
                .post(okhttp3.RequestBody.create(json.writeValueAsString(Map.of("surrogate_keys", keys)), okhttp3.MediaType.get("application/json")));
            if (!headerName.isEmpty()) req.header(headerName, headerValue);
            try (var res = http.newCall(req.build()).execute()) {
                if (res.code() < 300) return true;
                log.warn("CDN purge of {} answered {} (attempt {})", keys, res.code(), attempt);
            }
        } catch (Exception e) {
            log.warn("CDN purge of {} failed (attempt {}): {}", keys, attempt, e.toString());
        }
        return false;
    }


}
