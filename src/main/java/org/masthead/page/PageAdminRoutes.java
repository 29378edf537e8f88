package org.masthead.page;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.account.NewsroomGuard;
import org.masthead.http.Access;
import org.masthead.http.Chrome;
import org.masthead.http.Http;
import org.masthead.http.Templates;

/** Editors write static pages in the newsroom: the list, a new page, edit over a revision, delete. */
public final class PageAdminRoutes {
    private final Pages pages;
    private final NewsroomGuard guard;
    private final Templates templates;

    public PageAdminRoutes(Pages pages, NewsroomGuard guard, Templates templates) {
        this.pages = pages;
        this.guard = guard;
        this.templates = templates;
    }

    public void mount(JavalinDefaultRoutingApi r) {
        r.get("/newsroom/pages", ctx -> templates.privatePage(ctx, 200, "newsroom/pages.jte", new ListPage(guard.chrome(ctx, "Pages", "pages"), pages.list())),
            Access.EDITOR);
        r.get("/newsroom/pages/new", ctx -> render(ctx, 200, null, new Form("", "", "", "", 0), Map.of(), ""), Access.EDITOR);
        r.post("/newsroom/pages", this::create, Access.EDITOR);
        r.get("/newsroom/pages/{id}", this::edit, Access.EDITOR);
        r.post("/newsroom/pages/{id}", this::save, Access.EDITOR);
        r.post("/newsroom/pages/{id}/delete", this::delete, Access.EDITOR);
    }

    public record ListPage(Chrome chrome, List<StaticPage> pages) {}

    /** The form as typed, so a refused save loses nothing. */
    public record Form(String title, String slug, String body, String language, int revision) {}

    public record EditPage(Chrome chrome, @Nullable StaticPage page, Form form, Map<String, String> errors, String notice, int revisions) {
        public String error(String field) { return errors.getOrDefault(field, ""); }

        public boolean hasError(String field) { return errors.containsKey(field); }
    }

    private void render(Context ctx, int status, @Nullable StaticPage page, Form form, Map<String, String> errors, String notice) {
        templates.privatePage(ctx, status, "newsroom/page.jte", new EditPage(guard.chrome(ctx, page == null ? "New page" : "Edit: " + page.title(), "pages"),
            page, form, errors, notice, page == null ? 0 : pages.revisions(page.id())));
    }

    private StaticPage load(Context ctx) {
        return pages.find(Http.id(ctx, "id")).orElseThrow(() -> new NotFoundResponse("no such page"));
    }

    private static Form read(Context ctx) {
        int revision;
        try {
            revision = Integer.parseInt(Http.field(ctx, "revision"));
        } catch (NumberFormatException e) {
            revision = 0;
        }
        var body = ctx.formParam("body");
        return new Form(Http.field(ctx, "title"), Http.field(ctx, "slug"), body == null ? "" : body, Http.field(ctx, "language"), revision);
    }

    private static Pages.Draft draft(Form f) { return new Pages.Draft(f.title(), f.slug(), f.body(), f.language()); }

    private void edit(Context ctx) {
        var p = load(ctx);
        render(ctx, 200, p, new Form(p.title(), p.slug(), p.bodyHtml(), p.language(), p.revision()), Map.of(),
            ctx.queryParam("saved") == null ? "" : "Saved: readers see it at " + p.path() + " now.");
    }

    private void create(Context ctx) {
        var form = read(ctx);
        respond(ctx, null, form, pages.create(NewsroomGuard.user(ctx).id(), draft(form)));
    }

    private void save(Context ctx) {
        var page = load(ctx);
        var form = read(ctx);
        respond(ctx, page, form, pages.save(NewsroomGuard.user(ctx).id(), page.id(), form.revision(), draft(form)));
    }

    private void respond(Context ctx, @Nullable StaticPage page, Form form, Pages.Result result) {
        switch (result) {
            case Pages.Result.Saved saved -> ctx.redirect("/newsroom/pages/" + saved.page().id() + "?saved=1", HttpStatus.SEE_OTHER);
            case Pages.Result.Invalid invalid -> render(ctx, 400, page, form, invalid.problems(), "");
            case Pages.Result.Conflict conflict -> render(ctx, 409, conflict.current(), new Form(form.title(), form.slug(), form.body(), form.language(),
                conflict.current().revision()), Map.of("form", "Someone else saved this page (now revision " + conflict.current().revision()
                + ") while you were editing. Your version is below: compare it with the page as it is now, then save again."), "");
        }
    }

    private void delete(Context ctx) {
        var page = load(ctx);
        pages.delete(page.id());
        ctx.redirect("/newsroom/pages", HttpStatus.SEE_OTHER);
    }
}
