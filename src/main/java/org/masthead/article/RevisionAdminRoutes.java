package org.masthead.article;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import org.masthead.account.NewsroomGuard;
import org.masthead.http.Access;
import org.masthead.http.Chrome;
import org.masthead.http.Http;
import org.masthead.http.Templates;

/** An article's history in the newsroom: every revision, a word diff between any two, and restore. */
public final class RevisionAdminRoutes {
    private final Revisions revisions;
    private final ArticleStore articles;
    private final NewsroomGuard guard;
    private final Templates templates;

    public RevisionAdminRoutes(Revisions revisions, ArticleStore articles, NewsroomGuard guard, Templates templates) {
        this.revisions = revisions;
        this.articles = articles;
        this.guard = guard;
        this.templates = templates;
    }

    public void mount(JavalinDefaultRoutingApi r) {
        r.get("/newsroom/articles/{id}/revisions", this::history, Access.CONTRIBUTOR);
        r.post("/newsroom/articles/{id}/revisions/{n}/restore", this::restore, Access.CONTRIBUTOR); // the save's own rules decide
    }

    /** {@code from}/{@code to}: the two revisions compared (the newest against the one before, unless asked). */
    public record Page(Chrome chrome, Article article, List<Revisions.Entry> entries, int from, int to, List<Revisions.FieldDiff> diff) {}

    private Article load(Context ctx) {
        return articles.findFor(NewsroomGuard.user(ctx), Http.id(ctx, "id")).orElseThrow(() -> new NotFoundResponse("no such article"));
    }

    private void history(Context ctx) {
        var article = load(ctx);
        var entries = revisions.list(article.id());
        int to = number(ctx.queryParam("to"), entries.isEmpty() ? 0 : entries.getFirst().revision());
        int from = number(ctx.queryParam("from"), Math.max(1, to - 1));
        var diff = revisions.diff(article.id(), from, to).orElse(List.of());
        templates.privatePage(ctx, 200, "newsroom/revisions.jte", new Page(guard.chrome(ctx, "History: " + article.headline(), "articles"),
            article, entries, from, to, diff));
    }

    private void restore(Context ctx) {
        var article = load(ctx);
        int n = number(ctx.pathParam("n"), -1);
        var result = revisions.restore(NewsroomGuard.user(ctx), article.id(), n);
        switch (result) {
            case Publishing.Result.Saved saved -> ctx.redirect("/newsroom/articles/" + saved.article().id() + "?saved=1", io.javalin.http.HttpStatus.SEE_OTHER);
            case Publishing.Result.Forbidden f -> throw new io.javalin.http.ForbiddenResponse(f.message());
            case Publishing.Result.Invalid i -> throw new io.javalin.http.HttpResponseException(i.status(), String.join(" ", i.problems().values()));
            case Publishing.Result.Conflict c -> throw new io.javalin.http.ConflictResponse("Someone saved this article while you restored; try again.");
            case Publishing.Result.Refused r -> throw new io.javalin.http.ConflictResponse(r.message());
        }
    }

    private static int number(String raw, int fallback) {
        if (raw == null || raw.isBlank()) return fallback;
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new io.javalin.http.BadRequestResponse("revision numbers are whole numbers");
        }
    }
}
