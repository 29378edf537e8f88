package org.masthead.taxonomy;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import org.masthead.account.NewsroomGuard;
import org.masthead.http.Access;
import org.masthead.http.Chrome;
import org.masthead.http.Http;
import org.masthead.http.Templates;

/**
 * Admins keep the sections: add one, rename it (its old address redirects, stories included), move
 * it in the navigation, hide it from the navigation and home page. Per-section editors are set on
 * the users page. Every change re-renders the cached pages of every node.
 */
public final class SectionAdminRoutes {
    private final TaxonomyStore taxonomy;
    private final NewsroomGuard guard;
    private final Templates templates;
    private final Runnable changed;

    /** {@code changed}: tells every node the site's structure moved (the site version). */
    public SectionAdminRoutes(TaxonomyStore taxonomy, NewsroomGuard guard, Templates templates, Runnable changed) {
        this.taxonomy = taxonomy;
        this.guard = guard;
        this.templates = templates;
        this.changed = changed;
    }

    public void mount(JavalinDefaultRoutingApi r) {
        r.get("/newsroom/sections", ctx -> render(ctx, 200, ctx.queryParam("saved") == null ? "" : "Saved: readers see it now.", ""), Access.ADMIN);
        r.post("/newsroom/sections", this::add, Access.ADMIN);
        r.post("/newsroom/sections/{id}", this::update, Access.ADMIN);
    }

    public record Page(Chrome chrome, List<Section> sections, String notice, String error) {}

    private void render(Context ctx, int status, String notice, String error) {
        templates.privatePage(ctx, status, "newsroom/sections.jte", new Page(guard.chrome(ctx, "Sections", "sections"), taxonomy.listSections(), notice, error));
    }

    private void add(Context ctx) {
        var name = Http.field(ctx, "name").strip();
        var slug = Http.field(ctx, "slug").isBlank() ? Slugs.from(name) : Http.field(ctx, "slug").strip();
        if (name.isEmpty() || name.length() > 80 || org.masthead.http.PlainText.hasControl(name)) {
            render(ctx, 400, "", "Give the section a name of up to 80 characters.");
            return;
        }
        if (taxonomy.findSectionBySlug(slug).isPresent()) {
            render(ctx, 400, "", "Another section is at /" + slug + "/.");
            return;
        }
        try {
            taxonomy.addSection(name, slug);
        } catch (IllegalArgumentException e) {
            render(ctx, 400, "", "The slug '" + org.masthead.http.PlainText.shorten(slug, 80) + "' is not a valid section address.");
            return;
        }
        changed.run();
        ctx.redirect("/newsroom/sections?saved=1", HttpStatus.SEE_OTHER);
    }

    private void update(Context ctx) {
        long id = Http.id(ctx, "id");
        var current = taxonomy.findSection(id).orElseThrow(() -> new io.javalin.http.NotFoundResponse("no such section"));
        int position;
        try {
            position = Integer.parseInt(Http.field(ctx, "position").strip());
        } catch (NumberFormatException e) {
            position = taxonomy.listSections().indexOf(current);
        }
        try {
            taxonomy.updateSection(id, Http.field(ctx, "name"), Http.field(ctx, "slug").strip(), position, "1".equals(Http.field(ctx, "hidden")));
        } catch (IllegalArgumentException e) {
            render(ctx, 400, "", e.getMessage());
            return;
        }
        changed.run();
        ctx.redirect("/newsroom/sections?saved=1", HttpStatus.SEE_OTHER);
    }
}
