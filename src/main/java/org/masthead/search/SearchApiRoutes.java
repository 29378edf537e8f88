package org.masthead.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.LinkedHashMap;
import java.util.function.Predicate;
import org.masthead.http.Access;
import org.masthead.http.Problem;

/** {@code GET /api/v1/search}: public like /api/v1/popular, rate-limited per address, no SQL per query. */
public final class SearchApiRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SearchIndex index;
    private final String baseUrl;
    private final Predicate<Context> allowed;

    public SearchApiRoutes(SearchIndex index, String baseUrl, Predicate<Context> allowed) {
        this.index = index;
        this.baseUrl = baseUrl;
        this.allowed = allowed;
    }

    public void mount(JavalinDefaultRoutingApi r) { r.get("/api/v1/search", this::search, Access.ANYONE); }

    /** A search parameter that cannot be read: {@code what} it is ("date", "page") and the {@code value} sent, for a reader's page in her language. */
    public static final class Unreadable extends IllegalArgumentException {
        private final String what;
        private final String value;

        Unreadable(String what, String value, String message) {
            super(message);
            this.what = what;
            this.value = value;
        }

        public String what() { return what; }

        public String value() { return value; }
    }

    /** The filters of a search request; a malformed date is null (the caller says so). */
    public static SearchIndex.Filters filters(Context ctx) {
        return new SearchIndex.Filters(ctx.queryParam("section"), ctx.queryParam("author"), ctx.queryParam("tag"), date(ctx.queryParam("from"), false),
            date(ctx.queryParam("to"), true), "newest".equals(ctx.queryParam("sort")));
    }

    static Long date(String s, boolean endOfDay) {
        if (s == null || s.isBlank()) return null;
        try {
            var day = java.time.LocalDate.parse(s.strip());
            var start = day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli();
            return endOfDay ? start + 86_400_000L - 1 : start;
        } catch (java.time.format.DateTimeParseException e) {
            throw new Unreadable("date", s, "dates are YYYY-MM-DD, not '" + s + "'");
        }
    }

    public static int page(Context ctx) {
        try {
            return ctx.queryParam("page") == null ? 1 : Integer.parseInt(ctx.queryParam("page"));
        } catch (NumberFormatException e) {
            throw new Unreadable("page", ctx.queryParam("page"), "page is a whole number");
        }
    }

    private void search(Context ctx) throws Exception {
        if (!allowed.test(ctx)) {
            ctx.header("Retry-After", "60");
            Problem.send(ctx, 429, Problem.title(429), "Too many searches from this address; wait a minute.");
            return;
        }
        SearchIndex.Filters filters;
        int page;
        try {
            filters = filters(ctx);
            page = page(ctx);
        } catch (IllegalArgumentException e) {
            Problem.send(ctx, 400, Problem.title(400), e.getMessage() + ".");
            return;
        }
        var q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
        if (q.length() > SearchIndex.MAX_QUERY) {
            Problem.send(ctx, 400, Problem.title(400), "A search is at most " + SearchIndex.MAX_QUERY + " characters.");
            return;
        }
        if (page < 1 || page > SearchIndex.MAX_PAGE) {
            Problem.send(ctx, 400, Problem.title(400), "page runs from 1 to " + SearchIndex.MAX_PAGE + ".");
            return;
        }
        SearchIndex.Results results;
        try {
            results = index.search(q, filters, page, System.currentTimeMillis());
        } catch (SearchIndex.Busy e) {
            ctx.header("Retry-After", "5");
            Problem.send(ctx, 503, Problem.title(503), "Search is busy on this server; try again in a few seconds.");
            return;
        }
        var items = results.items().stream().map(h -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("url", baseUrl + h.path());
            m.put("headline", h.headline());
            m.put("snippet", h.snippetHtml());
            m.put("published_at", java.time.Instant.ofEpochMilli(h.publishedAt()).toString());
            m.put("section", h.section());
            m.put("byline", h.byline());
            if (!h.thumbnail().isEmpty()) m.put("thumbnail", baseUrl + h.thumbnail());
            return m;
        }).toList();
        var body = new LinkedHashMap<String, Object>();
        body.put("items", items);
        body.put("total", results.total());
        body.put("total_exact", results.totalExact());
        body.put("page", results.page());
        body.put("building", results.building());
        if (!results.suggestion().isEmpty()) body.put("suggestion", results.suggestion());
        ctx.header("Cache-Control", "no-store").header("X-Robots-Tag", "noindex").contentType("application/json").result(JSON.writeValueAsString(body));
    }
}
