package org.masthead.popularity;

import org.masthead.http.Access;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.masthead.account.NewsroomGuard;
import org.masthead.http.Chrome;
import org.masthead.http.Templates;

/** The newsroom's "Most read now": top 20 per window with 24-hour sparklines, views/s, bot share. */
public final class PopularAdminRoutes {
    private final Popularity popularity;
    private final NewsroomGuard guard;
    private final Templates templates;

    public PopularAdminRoutes(Popularity popularity, NewsroomGuard guard, Templates templates) {
        this.popularity = popularity;
        this.guard = guard;
        this.templates = templates;
    }

    public void mount(JavalinDefaultRoutingApi r) {
        r.get("/newsroom/popular", this::page, Access.CONTRIBUTOR);
    }

    /** One row: rank, story, views in the window, and its sparkline SVG (trusted markup we drew). */
    public record Row(int rank, Rankings.Ranked ranked, String sparkline) {}

    public record Column(String title, String unit, List<Row> rows) {}

    public record Page(Chrome chrome, List<Column> columns, double viewsPerSecond, double botShare, Popularity.Health health) {}

    private void page(Context ctx) {
        var rankings = popularity.rankings();
        var lists = new java.util.LinkedHashMap<String, List<Rankings.Ranked>>();
        for (var w : Window.values()) lists.put(w.label(), rankings.mostRead(w, null));
        lists.put("Trending now", rankings.trending(null));
        var ids = new LinkedHashSet<Long>();
        lists.values().forEach(l -> l.forEach(r -> ids.add(r.article().id())));
        Map<Long, long[]> series = popularity.lastDayByMinute(new ArrayList<>(ids));
        var columns = new ArrayList<Column>();
        lists.forEach((title, list) -> {
            var rows = new ArrayList<Row>();
            for (int i = 0; i < list.size(); i++) {
                var r = list.get(i);
                rows.add(new Row(i + 1, r, Sparklines.svg(series.getOrDefault(r.article().id(), new long[1440]), 96, 120, 24,
                    "Views per 15 minutes over the last 24 hours")));
            }
            columns.add(new Column(title, title.startsWith("Trending") ? "score" : "views", rows));
        });
        templates.privatePage(ctx, 200, "newsroom/popular.jte", new Page(guard.chrome(ctx, "Most read now", "popular"), columns,
            popularity.siteViewsPerSecond(), popularity.botShare(), popularity.health()));
    }
}
