package org.masthead.account;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.UnauthorizedResponse;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import org.masthead.http.Chrome;

/**
 * The newsroom's sessions: resolves the session cookie to a signed-in user and checks the CSRF
 * token on every state-changing request (for routes {@link AccessCheck} finds are newsroom routes). The session cookie is scoped to /newsroom so reader
 * pages stay cookie-free and cacheable.
 */
public final class NewsroomGuard {
    public static final String SESSION_COOKIE = "mh_session";
    static final String PRE_SESSION_COOKIE = "mh_csrf";
    /** A browser that signed in before; see {@link SignInThrottle}. */
    static final String DEVICE_COOKIE = "mh_device";
    private static final String ATTR = "masthead.session";

    private final Accounts accounts;
    private final java.util.function.Supplier<org.masthead.settings.SiteSettings> site;

    /** {@code site}: the site's settings now (its name, and the time zone every newsroom page shows times in). */
    public NewsroomGuard(Accounts accounts, java.util.function.Supplier<org.masthead.settings.SiteSettings> site) {
        this.accounts = accounts;
        this.site = site;
    }

    /**
     * Resolves the session for a newsroom route (called by {@link AccessCheck}); checks the CSRF token
     * of a state change. False when the visitor was sent to sign in (the request ends there).
     */
    boolean authenticate(Context ctx) {
        var session = accounts.session(ctx.cookie(SESSION_COOKIE));
        if (session.isEmpty()) {
            if (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD) {
                ctx.redirect("/newsroom/sign-in");
                ctx.skipRemainingHandlers();
                return false;
            }
            throw new UnauthorizedResponse("Your session has ended; sign in again.");
        }
        if (isStateChange(ctx) && !sameToken(csrfFrom(ctx), session.get().csrfToken())) {
            throw new ForbiddenResponse("Missing or invalid CSRF token: reload the page and try again.");
        }
        ctx.attribute(ATTR, session.get());
        return true;
    }

    static boolean isStateChange(Context ctx) {
        var m = ctx.method();
        return m == HandlerType.POST || m == HandlerType.PUT || m == HandlerType.PATCH || m == HandlerType.DELETE;
    }

    static String csrfFrom(Context ctx) {
        var header = ctx.header("X-CSRF-Token");
        if (header != null) return header;
        var field = ctx.formParam("_csrf");
        return field == null ? "" : field;
    }

    static boolean sameToken(String a, String b) {
        return a != null && b != null && !a.isEmpty()
            && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** The site's name now (for pages without a session, such as sign-in). */
    public String siteName() { return site.get().name(); }

    /** The signed-in session; only valid behind {@link #check}. */
    public static Session session(Context ctx) {
        Session s = ctx.attribute(ATTR);
        if (s == null) throw new UnauthorizedResponse("Sign in first.");
        return s;
    }

    public static User user(Context ctx) { return session(ctx).user(); }

    public Chrome chrome(Context ctx, String title, String active) {
        var s = session(ctx);
        var now = site.get();
        return new Chrome(now.name(), title, s.user().displayName(), s.user().role().dbValue(), s.csrfToken(), active, now.dates());
    }

    static void setCookie(Context ctx, String name, String value, long maxAgeSeconds) {
        boolean secure = "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=/newsroom; Max-Age=" + maxAgeSeconds
            + "; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : ""));
    }
}
