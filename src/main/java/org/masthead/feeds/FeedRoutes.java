package org.masthead.feeds;

import org.masthead.http.CacheControl;
import org.masthead.http.Access;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.masthead.http.Etags;

/**
 * {@code /feeds/all.{rss,atom,json}} and {@code /feeds/{section|tag|author}/{slug}.{rss,atom,json}},
 * {@code ?full=1} for full content. Conditional GET with ETag and Last-Modified.
 */
public final class FeedRoutes {
    static final String CACHE_CONTROL = CacheControl.FEED;
    private final Feeds feeds;

    public FeedRoutes(Feeds feeds) { this.feeds = feeds; }

    public void mount(JavalinDefaultRoutingApi r) {
        r.get("/feeds/{file}", ctx -> serve(ctx, "all", ctx.pathParam("file")), Access.ANYONE);
        r.get("/feeds/{kind}/{file}", ctx -> serve(ctx, ctx.pathParam("kind"), ctx.pathParam("file")), Access.ANYONE);
    }

    private void serve(Context ctx, String kind, String file) {
        int dot = file.lastIndexOf('.');
        if (dot < 1) throw new NotFoundResponse("no such feed");
        var name = file.substring(0, dot);
        var format = Feeds.Format.of(file.substring(dot + 1)).orElseThrow(() -> new NotFoundResponse("feeds end in .rss, .atom or .json"));
        if (kind.equals("all") && name.equals("corrections")) kind = "corrections";
        if (kind.equals("all") && !name.equals("all")) throw new NotFoundResponse("no such feed");
        if (!kind.equals("all") && !kind.equals("corrections") && !kind.equals("section") && !kind.equals("tag") && !kind.equals("author")) {
            throw new NotFoundResponse("no such feed");
        }
        boolean full = "1".equals(ctx.queryParam("full"));
        var feed = feeds.render(new Feeds.Scope(kind, kind.equals("all") || kind.equals("corrections") ? "" : name), format, full)
            .orElseThrow(() -> new NotFoundResponse("no such feed"));
        var lastModified = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochMilli(feed.lastModified() / 1000 * 1000).atZone(ZoneOffset.UTC));
        ctx.header("Cache-Control", CACHE_CONTROL).header("ETag", feed.etag()).header("Last-Modified", lastModified);
        var ifNoneMatch = ctx.header("If-None-Match");
        if (Etags.matches(ifNoneMatch, feed.etag()) || (ifNoneMatch == null && notModifiedSince(ctx.header("If-Modified-Since"), feed.lastModified()))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(feed.contentType()).result(feed.body());
    }

    private static boolean notModifiedSince(String header, long lastModified) {
        if (header == null) return false;
        try {
            var since = java.time.ZonedDateTime.parse(header, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
            return lastModified / 1000 * 1000 <= since;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }
}
