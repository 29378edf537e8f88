package org.masthead.popularity;

import org.masthead.http.CacheControl;
import org.masthead.http.Access;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.masthead.http.Problem;
import org.masthead.taxonomy.TaxonomyStore;

/**
 * {@code GET /api/v1/popular?window=1h|24h|7d|30d|trending&section=slug&limit=1..20}: the same
 * rankings the rails show. Public (what is popular is on every page anyway), cached for 5 seconds.
 */
public final class PopularApiRoutes {
    private final Popularity popularity;
    private final TaxonomyStore taxonomy;
    private final String baseUrl;
    private final ObjectMapper json = new ObjectMapper();

    public PopularApiRoutes(Popularity popularity, TaxonomyStore taxonomy, String baseUrl) {
        this.popularity = popularity;
        this.taxonomy = taxonomy;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    public void mount(JavalinDefaultRoutingApi r) {
        r.get("/api/v1/popular", this::popular, Access.ANYONE);
    }

    private void popular(Context ctx) throws Exception {
        var windowParam = ctx.queryParam("window") == null ? "24h" : ctx.queryParam("window");
        var sectionParam = ctx.queryParam("section");
        int limit;
        try {
            limit = ctx.queryParam("limit") == null ? 10 : Integer.parseInt(ctx.queryParam("limit"));
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > Popularity.KEEP) {
            problem(ctx, "limit must be a whole number from 1 to " + Popularity.KEEP);
            return;
        }
        Long sectionId = null;
        if (sectionParam != null && !sectionParam.isBlank()) {
            var section = taxonomy.findSectionBySlug(sectionParam);
            if (section.isEmpty()) {
                problem(ctx, "unknown section '" + sectionParam + "'");
                return;
            }
            sectionId = section.get().id();
        }
        var rankings = popularity.rankings();
        java.util.List<Rankings.Ranked> list;
        if (windowParam.equals("trending")) {
            list = rankings.trending(sectionId);
        } else {
            try {
                list = rankings.mostRead(Window.parse(windowParam), sectionId);
            } catch (IllegalArgumentException e) {
                problem(ctx, e.getMessage() + " or trending");
                return;
            }
        }
        var items = new ArrayList<Map<String, Object>>();
        for (var r : list.stream().limit(limit).toList()) {
            var a = r.article();
            var m = new LinkedHashMap<String, Object>();
            m.put("id", a.id());
            m.put("headline", a.headline());
            m.put("dek", a.dek());
            m.put("url", baseUrl + a.path());
            m.put("section", a.sectionSlug());
            m.put("views", r.views());
            if (windowParam.equals("trending")) m.put("score", Math.round(r.score() * 100) / 100.0);
            if (a.publishedAt() != null) m.put("publishedAt", Instant.ofEpochMilli(a.publishedAt()).toString());
            items.add(m);
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("window", windowParam);
        body.put("section", sectionParam == null || sectionParam.isBlank() ? null : sectionParam);
        body.put("generatedAt", Instant.ofEpochMilli(rankings.computedAt()).toString());
        body.put("items", items);
        ctx.header("Cache-Control", CacheControl.publicFor(5)).contentType("application/json").result(json.writeValueAsString(body));
    }

    private void problem(Context ctx, String detail) {
        Problem.send(ctx, 400, Problem.title(400), detail);
    }
}
