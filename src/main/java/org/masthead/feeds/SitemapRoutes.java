package org.masthead.feeds;

import org.masthead.http.CacheControl;
import org.masthead.http.Access;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.YearMonth;
import java.util.regex.Pattern;

/** /robots.txt, /sitemap.xml, /sitemaps/articles-YYYY-MM[-pN].xml, /sitemaps/sections.xml, /sitemap-news.xml. */
public final class SitemapRoutes {
    private static final Pattern MONTH = Pattern.compile("^articles-(\\d{4}-\\d{2})(?:-p([1-9]\\d{0,3}))?\\.xml$");
    private static final String XML = "application/xml; charset=utf-8";
    private final Sitemaps sitemaps;

    public SitemapRoutes(Sitemaps sitemaps) { this.sitemaps = sitemaps; }

    public void mount(JavalinDefaultRoutingApi r) {
        r.get("/robots.txt", ctx -> send(ctx, "text/plain; charset=utf-8", sitemaps.robots(), 3600), Access.ANYONE);
        r.get("/sitemap.xml", ctx -> send(ctx, XML, sitemaps.index(), 600), Access.ANYONE);
        r.get("/sitemap-news.xml", ctx -> send(ctx, XML, sitemaps.news(), 120), Access.ANYONE);
        r.get("/sitemaps/{file}", this::file, Access.ANYONE);
    }

    private void file(Context ctx) {
        var file = ctx.pathParam("file");
        if (file.equals("sections.xml") || file.equals("tags.xml")) {
            send(ctx, XML, file.equals("tags.xml") ? sitemaps.tags() : sitemaps.sections(), 600);
            return;
        }
        var m = MONTH.matcher(file);
        if (!m.matches()) throw new NotFoundResponse("no such sitemap");
        YearMonth month;
        try {
            month = YearMonth.parse(m.group(1));
        } catch (java.time.format.DateTimeParseException e) {
            throw new NotFoundResponse("no such sitemap");
        }
        var xml = sitemaps.articles(month, m.group(2) == null ? 1 : Integer.parseInt(m.group(2)))
            .orElseThrow(() -> new NotFoundResponse("no such sitemap"));
        send(ctx, XML, xml, 600);
    }

    private static void send(Context ctx, String type, String body, int maxAge) {
        ctx.header("Cache-Control", CacheControl.sharedFor(maxAge))
            .contentType(type).result(body);
    }
}
