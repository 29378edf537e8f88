package org.masthead.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.masthead.article.ArticleChanged;
import org.masthead.article.ArticleStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a CDN what to drop when an article changes: POSTs {@code {"surrogate_keys": [...]}} to
 * {@code cdn.purge-url} with the optional {@code cdn.purge-header} (e.g. "Fastly-Key: …"), off the
 * request thread, three tries. Keys are {@link SurrogateKeys}' — the same keys pages send in Surrogate-Key / Cache-Tag.
 * Fastly purges by surrogate key, Cloudflare by Cache-Tag, Varnish with an xkey VCL; point the URL at
 * a small adapter where the CDN's API wants another shape (docs/caching.md).
 */
public final class CdnPurges implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CdnPurges.class);
    private final String url;
    private final String headerName;
    private final String headerValue;
    private final ArticleStore articles;
    private final okhttp3.OkHttpClient http;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon().name("cdn-purge").unstarted(r));
    private final ObjectMapper json = new ObjectMapper();

    /** {@code header} is "Name: value" or empty. */
    public CdnPurges(String url, String header, ArticleStore articles, org.masthead.http.OutboundGuard guard) {
        this.url = url;
        this.http = guard.client(Duration.ofSeconds(10)); // connects only to the addresses it checked
        int colon = header.indexOf(':');
        this.headerName = colon > 0 ? header.substring(0, colon).strip() : "";
        this.headerValue = colon > 0 ? header.substring(colon + 1).strip() : "";
        this.articles = articles;
    }

    public static java.util.Set<String> keysFor(ArticleChanged change, ArticleStore articles) {
        return SurrogateKeys.forChange(change, articles.find(change.articleId()).orElse(null));
    }

    public void articleChanged(ArticleChanged change) {
        if (change.before() == null && change.after() == null) return; // never visible: nothing cached anywhere
        var keys = keysFor(change, articles);
        sender.execute(() -> send(keys));
    }

    private void send(java.util.Set<String> keys) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                var req = new okhttp3.Request.Builder().url(url)
                    .post(okhttp3.RequestBody.create(json.writeValueAsString(Map.of("surrogate_keys", keys)), okhttp3.MediaType.get("application/json")));
                if (!headerName.isEmpty()) req.header(headerName, headerValue);
                try (var res = http.newCall(req.build()).execute()) {
                    if (res.code() < 300) return;
                    log.warn("CDN purge of {} answered {} (attempt {})", keys, res.code(), attempt);
                }
            } catch (Exception e) {
                log.warn("CDN purge of {} failed (attempt {}): {}", keys, attempt, e.toString());
            }
            try {
                Thread.sleep(500L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() { sender.shutdown(); }
}
