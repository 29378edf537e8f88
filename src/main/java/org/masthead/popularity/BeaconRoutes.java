package org.masthead.popularity;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * {@code POST /_/view} with {@code id=<article id>}, sent by navigator.sendBeacon from article pages
 * (so counting works behind page caches). Always answers 204 at once; never touches SQL.
 */
public final class BeaconRoutes {
    private final Popularity popularity;
    private final BotFilter bots;

    public BeaconRoutes(Popularity popularity, BotFilter bots) {
        this.popularity = popularity;
        this.bots = bots;
    }

    public void mount(JavalinDefaultRoutingApi r) {
        r.post("/_/view", this::view);
    }

    private void view(Context ctx) {
        ctx.status(204).header("Cache-Control", "no-store");
        var purpose = ctx.header("Sec-Purpose") != null ? ctx.header("Sec-Purpose") : ctx.header("Purpose");
        if (bots.isBot(ctx.header("User-Agent"), purpose)) return;
        var id = idFrom(ctx.body());
        if (id > 0) popularity.record(id);
    }

    /** The id from a form-encoded body ("id=123"); 0 when absent or malformed. */
    static long idFrom(String body) {
        if (body == null || body.length() > 200) return 0;
        for (var part : body.split("&")) {
            if (part.startsWith("id=")) {
                try {
                    return Long.parseLong(part.substring(3).trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }
}
