package org.masthead.article;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import java.util.Map;
import org.masthead.account.NewsroomGuard;
import org.masthead.http.Access;
import org.masthead.http.Chrome;
import org.masthead.http.Http;
import org.masthead.http.Templates;
import org.masthead.taxonomy.AuthorProfile;
import org.masthead.taxonomy.TaxonomyStore;

/** Editors keep the bylines' profiles: bio, job title, photo and links, as the author page and JSON-LD show them. */
public final class AuthorAdminRoutes {
    private final TaxonomyStore taxonomy;
    private final ArticleStore articles;
    private final Publishing publishing;
    private final org.masthead.media.MediaStore photos;
    private final NewsroomGuard guard;
    private final Templates templates;

    public AuthorAdminRoutes(TaxonomyStore taxonomy, ArticleStore articles, Publishing publishing, org.masthead.media.MediaStore photos,
                             NewsroomGuard guard, Templates templates) {
        this.taxonomy = taxonomy;
        this.articles = articles;
        this.publishing = publishing;
        this.photos = photos;
        this.guard = guard;
        this.templates = templates;
    }

    public void mount(JavalinDefaultRoutingApi r) {
        r.get("/newsroom/authors", ctx -> templates.privatePage(ctx, 200, "newsroom/authors.jte",
            new ListPage(guard.chrome(ctx, "Authors", "authors"), articles.listNames("author"))), Access.EDITOR);
        r.get("/newsroom/authors/{slug}", this::edit, Access.EDITOR);
        r.post("/newsroom/authors/{slug}", this::save, Access.EDITOR);
    }

    public record ListPage(Chrome chrome, List<Map.Entry<String, String>> authors) {}

    /** The form as typed: a refused save loses nothing. */
    public record EditPage(Chrome chrome, AuthorProfile profile, String bio, String jobTitle, String photoId, String links,
                           Map<String, String> errors, String notice) {
        public String error(String field) { return errors.getOrDefault(field, ""); }

        public boolean hasError(String field) { return errors.containsKey(field); }
    }

    private AuthorProfile load(Context ctx) {
        return taxonomy.findProfile(ctx.pathParam("slug")).orElseThrow(() -> new io.javalin.http.NotFoundResponse("no such author"));
    }

    private void edit(Context ctx) {
        var p = load(ctx);
        templates.privatePage(ctx, 200, "newsroom/author.jte", new EditPage(guard.chrome(ctx, p.author().displayName(), "authors"), p, p.bio(), p.jobTitle(),
            p.photoId() == null ? "" : String.valueOf(p.photoId()), String.join("\n", p.links()), Map.of(),
            ctx.queryParam("saved") == null ? "" : "Saved: the author page shows it now."));
    }

    private void save(Context ctx) {
        var current = load(ctx);
        var bio = ctx.formParam("bio") == null ? "" : ctx.formParam("bio");
        var job = Http.field(ctx, "job_title");
        var photo = Http.field(ctx, "photo_id").strip();
        var links = ctx.formParam("links") == null ? "" : ctx.formParam("links");
        Long photoId = null;
        var problems = new java.util.LinkedHashMap<String, String>();
        if (!photo.isEmpty()) {
            try {
                photoId = Long.parseLong(photo);
            } catch (NumberFormatException e) {
                problems.put("photo_id", "Give the number of a photo in the library, or leave it empty.");
            }
        }
        var profile = new AuthorProfile(current.author(), bio.replace("\r\n", "\n"), job, photoId,
            java.util.Arrays.stream(links.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList());
        if (problems.isEmpty()) problems.putAll(profile.problems(id -> photos.find(id).isPresent()));
        if (!problems.isEmpty()) {
            templates.privatePage(ctx, 400, "newsroom/author.jte", new EditPage(guard.chrome(ctx, current.author().displayName(), "authors"), current,
                bio, job, photo, links, problems, ""));
            return;
        }
        taxonomy.saveProfile(profile);
        publishing.authorChanged(current.author().slug());
        ctx.redirect("/newsroom/authors/" + org.masthead.taxonomy.Slugs.encode(current.author().slug()) + "?saved=1", HttpStatus.SEE_OTHER);
    }
}
