package org.masthead.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.masthead.http.Problem;

/**
 * Guards content API routes (called by {@link AccessCheck} for routes declared API_READ or API_EDITOR):
 * a bearer token of a live, enabled creator, the editor scope where the route says so, and a
 * per-token rate limit ({@code perMinute} requests a minute; 429 with Retry-After).
 */
public final class ApiGuard {
    private static final String ATTR = "masthead.apiToken";
    private final ApiTokens tokens;
    private final Clock clock;
    private final int perMinute;
    private final Cache<String, AtomicInteger> windows = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(2)).maximumSize(100_000).build();

    public ApiGuard(ApiTokens tokens, Clock clock, int perMinute) {
        this.tokens = tokens;
        this.clock = clock;
        this.perMinute = perMinute;
    }

    /** Ends the request with a problem when it may not go on; {@code write}: the route needs the editor scope. */
    void check(Context ctx, boolean write) {
        var header = ctx.header("Authorization");
        var secret = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
        var token = tokens.verify(secret);
        if (token.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"masthead\"");
            org.masthead.http.Http.drain(ctx);
            Problem.send(ctx, 401, Problem.title(401), secret == null
                ? "Send an API token as 'Authorization: Bearer mh_…'; admins create tokens in the newsroom under API tokens."
                : "This API token is unknown or revoked.");
            ctx.skipRemainingHandlers();
            return;
        }
        long now = clock.millis();
        long minute = now / 60_000;
        var count = windows.get(token.get().id() + ":" + minute, k -> new AtomicInteger()).incrementAndGet();
        if (count > perMinute) {
            ctx.header("Retry-After", String.valueOf(60 - (now / 1000) % 60));
            org.masthead.http.Http.drain(ctx);
            Problem.send(ctx, 429, Problem.title(429), "This token may make " + perMinute + " requests a minute; wait for the next minute.");
            ctx.skipRemainingHandlers();
            return;
        }
        if (write && token.get().scope() != ApiToken.Scope.EDITOR) {
            org.masthead.http.Http.drain(ctx);
            Problem.send(ctx, 403, Problem.title(403), "This token has the read scope; writing needs a token with the editor scope.");
            ctx.skipRemainingHandlers();
            return;
        }
        ctx.attribute(ATTR, token.get());
    }

    public static ApiToken token(Context ctx) { return ctx.attribute(ATTR); }
}
