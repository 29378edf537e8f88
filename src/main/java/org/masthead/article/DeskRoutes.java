package org.masthead.article;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.masthead.account.NewsroomGuard;
import org.masthead.http.Access;
import org.masthead.http.Chrome;
import org.masthead.http.Http;
import org.masthead.http.Templates;
import org.masthead.taxonomy.Section;
import org.masthead.taxonomy.TaxonomyStore;

/** The desk view, the inbox of @mentions, internal notes on a story, and assigning it. */
public final class DeskRoutes {
    private final Desk desk;
    private final ArticleStore articles;
    private final TaxonomyStore taxonomy;
    private final NewsroomGuard guard;
    private final Templates templates;
    private final java.util.function.Supplier<ZoneId> zone;

    public DeskRoutes(Desk desk, ArticleStore articles, TaxonomyStore taxonomy, NewsroomGuard guard, Templates templates, java.util.function.Supplier<ZoneId> zone) {
        this.desk = desk;
        this.articles = articles;
        this.taxonomy = taxonomy;
        this.guard = guard;
        this.templates = templates;
        this.zone = zone;
    }

    public void mount(JavalinDefaultRoutingApi r) {
        r.get("/newsroom/desk", this::deskPage, Access.EDITOR);
        r.get("/newsroom/inbox", this::inbox, Access.CONTRIBUTOR);
        r.post("/newsroom/articles/{id}/notes", this::note, Access.CONTRIBUTOR);    // their own story, or any for editors (load)
        r.post("/newsroom/articles/{id}/assign", this::assign, Access.EDITOR);
    }

    public record DeskPage(Chrome chrome, List<Section> sections, Long section, List<Desk.Item> items,
                           List<Map.Entry<java.time.LocalDate, List<Desk.Item>>> timeline, ZoneId zone) {
        public String local(long millis) {
            return java.time.format.DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", java.util.Locale.ENGLISH)
                .format(java.time.Instant.ofEpochMilli(millis).atZone(zone));
        }
    }

    public record InboxPage(Chrome chrome, List<Desk.Mention> mentions) {}

    private Article load(Context ctx) {
        return articles.findFor(NewsroomGuard.user(ctx), Http.id(ctx, "id")).orElseThrow(() -> new NotFoundResponse("no such article"));
    }

    private void deskPage(Context ctx) {
        Long section = null;
        var raw = ctx.queryParam("section");
        if (raw != null && !raw.isBlank()) {
            try {
                section = Long.parseLong(raw);
            } catch (NumberFormatException e) {
                throw new io.javalin.http.BadRequestResponse("section must be a section id");
            }
        }
        var items = desk.list(section);
        templates.privatePage(ctx, 200, "newsroom/desk.jte", new DeskPage(guard.chrome(ctx, "Desk", "desk"), taxonomy.listSections(), section, items,
            desk.timeline(items, zone.get()), zone.get()));
    }

    private void inbox(Context ctx) {
        templates.privatePage(ctx, 200, "newsroom/inbox.jte", new InboxPage(guard.chrome(ctx, "Inbox", "inbox"), desk.inbox(NewsroomGuard.user(ctx))));
    }

    private void note(Context ctx) {
        var article = load(ctx);
        try {
            desk.addNote(NewsroomGuard.user(ctx), article.id(), Http.field(ctx, "note_text"));
        } catch (IllegalArgumentException e) {
            throw new io.javalin.http.HttpResponseException(422, e.getMessage());
        }
        ctx.redirect("/newsroom/articles/" + article.id() + "#notes", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void assign(Context ctx) {
        var article = load(ctx);
        var raw = Http.field(ctx, "assignee");
        Long who;
        try {
            who = raw.isEmpty() ? null : Long.valueOf(raw);
        } catch (NumberFormatException e) {
            throw new io.javalin.http.BadRequestResponse("assignee must be a user id");
        }
        try {
            desk.assign(NewsroomGuard.user(ctx), article.id(), who);
        } catch (IllegalArgumentException e) {
            throw new io.javalin.http.HttpResponseException(422, e.getMessage());
        }
        ctx.redirect("/newsroom/articles/" + article.id(), io.javalin.http.HttpStatus.SEE_OTHER);
    }
}
