package org.masthead.webhooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.masthead.article.ArticleChanged;
import org.masthead.db.Database;
import org.masthead.http.OutboundGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outgoing webhooks for article.published, article.updated and article.unpublished. Each event is
 * stored as a pending delivery; a job posts it with {@code X-Masthead-Signature: t=<unix>,v1=<hex
 * HMAC-SHA256(secret, t + "." + body)>} and retries with exponential backoff until 24 hours have
 * passed. Deliveries are claimed before sending, so several nodes never post the same one twice at once.
 */
public final class Webhooks {
    public static final Set<String> EVENTS = Set.of("article.published", "article.updated", "article.unpublished", "article.killed",
        "article.submitted", "article.approved", "article.sent-back", "article.scheduled", "article.unscheduled", "article.restored", "article.corrected");
    static final Duration GIVE_UP_AFTER = Duration.ofHours(24);
    private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

    public record Hook(long id, String url, Set<String> events, boolean disabled) {}

    public record Delivery(long id, long webhookId, String url, String event, String status, int attempts, Long lastStatus, String lastError,
                           long createdAt, Long deliveredAt) {}

    private final Database db;
    private final OutboundGuard guard;
    private final Clock clock;
    private final Duration retryBase;
    private final String baseUrl;
    private final okhttp3.OkHttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();
    private volatile Runnable nudger = () -> { };

    public Webhooks(Database db, OutboundGuard guard, Clock clock, Duration retryBase, String baseUrl) {
        this.db = db;
        this.guard = guard;
        this.http = guard.client(Duration.ofSeconds(10)); // connects only to the addresses it checked
        this.clock = clock;
        this.retryBase = retryBase;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /** Registers a hook; returns its signing secret (shown once). Throws IllegalArgumentException naming the problem. */
    public String register(String url, Set<String> events, long adminId) {
        var refusal = guard.refusal(url);
        if (refusal != null) throw new IllegalArgumentException("This URL cannot be used: " + refusal + ".");
        if (events.isEmpty() || !EVENTS.containsAll(events)) throw new IllegalArgumentException("Choose at least one of " + String.join(", ", EVENTS) + ".");
        var bytes = new byte[32];
        random.nextBytes(bytes);
        var secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        db.useTransaction(h -> h.createUpdate("insert into webhook (url, events, secret, created_by, created_at) values (:u, :e, :s, :by, :now)")
            .bind("u", url).bind("e", String.join(",", new java.util.TreeSet<>(events))).bind("s", secret).bind("by", adminId)
            .bind("now", clock.millis()).execute());
        return secret;
    }

    public void remove(long id) {
        db.useTransaction(h -> h.createUpdate("delete from webhook where id = :id").bind("id", id).execute());
    }

    public List<Hook> list() {
        return db.read(h -> h.createQuery("select id, url, events, disabled from webhook order by id").map((rs, ctx) ->
            new Hook(rs.getLong("id"), rs.getString("url"), Set.of(rs.getString("events").split(",")), rs.getBoolean("disabled"))).list());
    }

    public List<Delivery> recentDeliveries(int limit) {
        return db.read(h -> h.createQuery("""
                select d.id, d.webhook_id, w.url, d.event, d.status, d.attempts, d.last_status, d.last_error, d.created_at, d.delivered_at
                  from webhook_delivery d join webhook w on w.id = d.webhook_id order by d.id desc limit :n
                """).bind("n", limit).map((rs, ctx) -> {
                    long ls = rs.getLong("last_status");
                    Long lastStatus = rs.wasNull() ? null : ls;
                    long da = rs.getLong("delivered_at");
                    Long deliveredAt = rs.wasNull() ? null : da;
                    return new Delivery(rs.getLong("id"), rs.getLong("webhook_id"), rs.getString("url"), rs.getString("event"), rs.getString("status"),
                        rs.getInt("attempts"), lastStatus, rs.getString("last_error"), rs.getLong("created_at"), deliveredAt);
                }).list());
    }

    /** Turns an article change into pending deliveries for every hook that wants the event. */
    public void articleChanged(ArticleChanged change) {
        if ("front".equals(change.action()) || "profile".equals(change.action())) return; // a front or a byline's profile changed, not the story
        String workflow = switch (String.valueOf(change.action())) { // each workflow move has its event, public or not
            case "submit" -> "article.submitted";
            case "approve" -> "article.approved";
            case "send-back" -> "article.sent-back";
            case "schedule" -> "article.scheduled";
            case "unschedule" -> "article.unscheduled";
            case "restore" -> "article.restored";
            case "correction", "clarification", "update" -> "article.corrected";
            default -> null;
        };
        if (workflow == null && change.seen().isEmpty()) return; // a save of a story never public: partners never saw it
        String event = workflow != null ? workflow : "kill".equals(change.action()) ? "article.killed"
            : change.before() == null && change.after() != null ? "article.published"
            : change.before() != null && change.after() == null ? "article.unpublished"
            : change.before() != null ? "article.updated" : null;
        if (event == null) return;
        var a = change.after() != null ? change.after() : change.before();
        var article = new LinkedHashMap<String, Object>();
        article.put("id", change.articleId());
        if (a != null) { // a story that is not public goes by its id alone
            article.put("url", baseUrl + a.path());
            article.put("headline", a.headline());
            article.put("section", a.sectionSlug());
            article.put("published_at", a.publishedAt() == null ? null : Instant.ofEpochMilli(a.publishedAt()).toString());
        }
        long now = clock.millis();
        String payload;
        try {
            payload = json.writeValueAsString(Map.of("event", event, "occurred_at", Instant.ofEpochMilli(now).toString(), "article", article));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        var hooks = list().stream().filter(hk -> !hk.disabled() && hk.events().contains(event)).toList();
        if (hooks.isEmpty()) return;
        db.useTransaction(h -> {
            for (var hook : hooks) {
                h.createUpdate("""
                    insert into webhook_delivery (webhook_id, event, payload, status, attempts, next_attempt_at, created_at)
                    values (:w, :e, :p, 'pending', 0, :now, :now)""").bind("w", hook.id()).bind("e", event).bind("p", payload).bind("now", now).execute();
            }
        });
        nudge();
    }

    /** How to ask the jobs runner for a delivery run soon (set by app); the runner calls {@link #deliver} (job "webhooks"). */
    public void nudgeWith(Runnable nudger) { this.nudger = nudger; }

    private void nudge() { nudger.run(); }

    private record Due(long id, String url, String secret, String event, String payload, int attempts, long createdAt, long nextAttemptAt) {}

    /** Posts every due delivery once. */
    public synchronized void deliver() {
        long now = clock.millis();
        var due = db.read(h -> h.createQuery("""
                select d.id, w.url, w.secret, d.event, d.payload, d.attempts, d.created_at, d.next_attempt_at
                  from webhook_delivery d join webhook w on w.id = d.webhook_id
                 where d.status = 'pending' and d.next_attempt_at <= :now order by d.id limit 20
                """).bind("now", now).map((rs, ctx) -> new Due(rs.getLong("id"), rs.getString("url"), rs.getString("secret"), rs.getString("event"),
            rs.getString("payload"), rs.getInt("attempts"), rs.getLong("created_at"), rs.getLong("next_attempt_at"))).list());
        for (var d : due) {
            // Claim: push next_attempt_at forward; another node that read the same row loses this update.
            int claimed = db.transaction(h -> h.createUpdate("update webhook_delivery set next_attempt_at = :later where id = :id and next_attempt_at = :seen")
                .bind("later", now + 60_000).bind("id", d.id()).bind("seen", d.nextAttemptAt()).execute());
            if (claimed == 1) attempt(d);
        }
    }

    private void attempt(Due d) {
        long now = clock.millis();
        Integer status = null;
        String error = "";
        var refusal = guard.refusal(d.url());
        if (refusal != null) {
            error = refusal;
        } else {
            try {
                long t = now / 1000;
                var req = new okhttp3.Request.Builder().url(d.url())
                    .header("X-Masthead-Event", d.event())
                    .header("X-Masthead-Delivery", String.valueOf(d.id()))
                    .header("X-Masthead-Signature", "t=" + t + ",v1=" + sign(d.secret(), t + "." + d.payload()))
                    .post(okhttp3.RequestBody.create(d.payload(), okhttp3.MediaType.get("application/json"))).build();
                try (var res = http.newCall(req).execute()) {
                    status = res.code();
                }
                if (status >= 300) error = "answered " + status;
            } catch (Exception e) {
                error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
        }
        int attempts = d.attempts() + 1;
        boolean delivered = error.isEmpty();
        boolean giveUp = !delivered && now + backoff(attempts) > d.createdAt() + GIVE_UP_AFTER.toMillis();
        var newStatus = delivered ? "delivered" : giveUp ? "failed" : "pending";
        final Integer finalStatus = status;
        final String finalError = error.length() > 500 ? error.substring(0, 500) : error;
        db.useTransaction(h -> h.createUpdate("""
                update webhook_delivery set status = :s, attempts = :a, next_attempt_at = :next, last_status = :ls, last_error = :err,
                       delivered_at = :delivered where id = :id""")
            .bind("s", newStatus).bind("a", attempts).bind("next", now + backoff(attempts)).bind("ls", finalStatus).bind("err", finalError)
            .bind("delivered", delivered ? Long.valueOf(now) : null).bind("id", d.id()).execute());
        if (!delivered) log.info("webhook delivery {} to {} failed (attempt {}, now {}): {}", d.id(), URI.create(d.url()).getHost(), attempts, newStatus, finalError);
    }

    /** retryBase × 2^(attempts−1), at most an hour. */
    long backoff(int attempts) {
        return Math.min(Duration.ofHours(1).toMillis(), retryBase.toMillis() << Math.min(20, attempts - 1));
    }

    static String sign(String secret, String message) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }


}
