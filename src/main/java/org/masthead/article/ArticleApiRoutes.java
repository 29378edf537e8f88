package org.masthead.article;

import org.masthead.http.Access;
import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.masthead.account.ApiToken;
import org.masthead.account.Role;
import org.masthead.account.User;
import org.masthead.account.UserStore;
import org.masthead.account.ApiGuard;
import org.masthead.http.Problem;
import org.masthead.taxonomy.TaxonomyStore;

/**
 * Articles, sections, tags and authors in the content API. Read tokens see published articles;
 * editor tokens see every status and write with the newsroom's validation, sanitising and
 * revision rules, acting as the admin who created the token.
 */
public final class ArticleApiRoutes {
    static final int MAX_LIMIT = 100;
    private final ArticleStore articles;
    private final Publishing publishing;
    private final TaxonomyStore taxonomy;
    private final UserStore users;
    private final String baseUrl;
    private final ObjectMapper json = new ObjectMapper();

    private final org.masthead.media.MediaStore photos;

    private final Revisions revisions;
    private final PreviewLinks previews;
    private final CopyDesk copyDesk;
    private final java.util.function.Supplier<String> siteLanguage;

    public ArticleApiRoutes(ArticleStore articles, Publishing publishing, Revisions revisions, TaxonomyStore taxonomy, UserStore users,
                            org.masthead.media.MediaStore photos, String baseUrl, PreviewLinks previews, CopyDesk copyDesk, java.util.function.Supplier<String> siteLanguage) {
        this.siteLanguage = siteLanguage;
        this.copyDesk = copyDesk;
        this.revisions = revisions;
        this.previews = previews;
        this.photos = photos;
        this.articles = articles;
        this.publishing = publishing;
        this.taxonomy = taxonomy;
        this.users = users;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    public void mount(JavalinDefaultRoutingApi r) {
        r.get("/api/v1/articles", this::list, Access.API_READ);
        r.post("/api/v1/articles", this::create, Access.API_EDITOR);
        r.get("/api/v1/articles/by-path", this::byPath, Access.API_READ);
        r.get("/api/v1/articles/{id}", this::show, Access.API_READ);
        r.put("/api/v1/articles/{id}", this::update, Access.API_EDITOR);
        r.post("/api/v1/articles/{id}/publish", ctx -> status(ctx, true), Access.API_EDITOR);
        r.post("/api/v1/articles/{id}/unpublish", ctx -> status(ctx, false), Access.API_EDITOR);
        r.post("/api/v1/articles/{id}/schedule", ctx -> move(ctx, Transition.SCHEDULE), Access.API_EDITOR);
        r.delete("/api/v1/articles/{id}/schedule", ctx -> move(ctx, Transition.UNSCHEDULE), Access.API_EDITOR);
        r.post("/api/v1/articles/{id}/submit", ctx -> move(ctx, Transition.SUBMIT), Access.API_EDITOR);
        r.post("/api/v1/articles/{id}/approve", ctx -> move(ctx, Transition.APPROVE), Access.API_EDITOR);
        r.post("/api/v1/articles/{id}/send-back", ctx -> move(ctx, Transition.SEND_BACK), Access.API_EDITOR);
        r.post("/api/v1/articles/{id}/kill", ctx -> move(ctx, Transition.KILL), Access.API_EDITOR);
        r.post("/api/v1/articles/{id}/corrections", this::correct, Access.API_EDITOR);
        r.post("/api/v1/articles/{id}/preview-link", this::previewLink, Access.API_EDITOR);
        r.get("/api/v1/articles/{id}/checks", this::checks, Access.API_READ);
        r.get("/api/v1/articles/{id}/revisions", this::revisionList, Access.API_READ);
        r.get("/api/v1/articles/{id}/revisions/{n}", this::revision, Access.API_READ);
        r.post("/api/v1/articles/{id}/revisions/{n}/restore", this::restore, Access.API_EDITOR);
        r.get("/api/v1/sections", ctx -> send(ctx, 200, Map.of("items", taxonomy.listSections().stream()
            .map(s -> Map.of("slug", s.slug(), "name", s.name(), "url", baseUrl + s.path())).toList())), Access.API_READ);
        r.get("/api/v1/tags", ctx -> send(ctx, 200, Map.of("items", names("tag"))), Access.API_READ);
        r.get("/api/v1/authors", ctx -> send(ctx, 200, Map.of("items", names("author"))), Access.API_READ);
        r.get("/api/v1/authors/{slug}", this::author, Access.API_READ);
        r.put("/api/v1/authors/{slug}", this::updateAuthor, Access.API_EDITOR);
    }

    private void author(Context ctx) throws Exception {
        var profile = taxonomy.findProfile(ctx.pathParam("slug"));
        if (profile.isEmpty()) {
            Problem.send(ctx, 404, Problem.title(404), "No author '" + org.masthead.http.PlainText.shorten(ctx.pathParam("slug"), 80) + "'.");
            return;
        }
        send(ctx, 200, authorView(profile.get()));
    }

    /** {"bio", "job_title", "photo_id", "links"}: each field sent replaces the stored one; a field left out stays. */
    private void updateAuthor(Context ctx) throws Exception {
        var current = taxonomy.findProfile(ctx.pathParam("slug"));
        if (current.isEmpty()) {
            Problem.send(ctx, 404, Problem.title(404), "No author '" + org.masthead.http.PlainText.shorten(ctx.pathParam("slug"), 80) + "'.");
            return;
        }
        var parsed = Problem.jsonObject(ctx);
        if (parsed.isEmpty()) return;
        var body = parsed.get();
        var c = current.get();
        var wrong = new LinkedHashMap<String, String>();
        for (var field : List.of("bio", "job_title")) if (body.has(field) && !body.get(field).isTextual()) wrong.put(field, field + " must be a string.");
        var photo = body.path("photo_id");
        if (body.has("photo_id") && !photo.isNull() && !(photo.isIntegralNumber() && photo.canConvertToLong())) wrong.put("photo_id", "photo_id must be a photo's id, or null.");
        var links = body.path("links");
        if (body.has("links") && (!links.isArray() || java.util.stream.StreamSupport.stream(links.spliterator(), false).anyMatch(n -> !n.isTextual()))) {
            wrong.put("links", "links must be an array of web addresses.");
        }
        if (!wrong.isEmpty()) {
            Problem.invalid(ctx, wrong);
            return;
        }
        var profile = new org.masthead.taxonomy.AuthorProfile(c.author(), body.has("bio") ? body.get("bio").asText() : c.bio(),
            body.has("job_title") ? body.get("job_title").asText() : c.jobTitle(),
            body.has("photo_id") ? (photo.isNull() ? null : photo.asLong()) : c.photoId(),
            body.has("links") ? strings(links) : c.links());
        var problems = profile.problems(id -> photos.find(id).isPresent());
        if (!problems.isEmpty()) {
            Problem.invalid(ctx, problems);
            return;
        }
        var saved = taxonomy.saveProfile(profile);
        publishing.authorChanged(saved.author().slug());
        send(ctx, 200, authorView(saved));
    }

    private Map<String, Object> authorView(org.masthead.taxonomy.AuthorProfile p) {
        var m = new LinkedHashMap<String, Object>();
        m.put("slug", p.author().slug());
        m.put("name", p.author().displayName());
        m.put("url", baseUrl + p.author().path());
        m.put("bio", p.bio());
        m.put("job_title", p.jobTitle());
        m.put("photo_id", p.photoId());
        var photo = p.photoId() == null ? null : photos.find(p.photoId()).orElse(null);
        m.put("photo", photo == null ? null : Map.of("id", photo.id(), "url", baseUrl + photo.url(), "width", photo.width(), "height", photo.height()));
        m.put("links", p.links());
        return m;
    }

    private List<Map<String, String>> names(String kind) {
        return articles.listNames(kind).stream().map(e -> Map.of("slug", e.getKey(), "name", e.getValue())).toList();
    }

    private static boolean editor(Context ctx) { return ApiGuard.token(ctx).scope() == ApiToken.Scope.EDITOR; }

    private void list(Context ctx) throws Exception {
        int limit;
        try {
            limit = ctx.queryParam("limit") == null ? 20 : Integer.parseInt(ctx.queryParam("limit"));
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            Problem.send(ctx, 400, Problem.title(400), "limit must be a whole number from 1 to " + MAX_LIMIT);
            return;
        }
        ArticleStatus status = ArticleStatus.PUBLISHED;
        var statusParam = ctx.queryParam("status");
        if (statusParam != null) {
            try {
                status = ArticleStatus.parse(statusParam);
            } catch (IllegalArgumentException e) {
                Problem.send(ctx, 400, Problem.title(400), "status must be draft, in_review, scheduled, published or unpublished");
                return;
            }
            if (status != ArticleStatus.PUBLISHED && !editor(ctx)) {
                Problem.send(ctx, 403, Problem.title(403), "Only editor tokens may list articles that are not published.");
                return;
            }
        }
        Long since = null;
        if (ctx.queryParam("updated_since") != null) {
            try {
                since = Instant.parse(ctx.queryParam("updated_since")).toEpochMilli();
            } catch (java.time.format.DateTimeParseException e) {
                Problem.send(ctx, 400, Problem.title(400), "updated_since must be an RFC 3339 UTC time such as 2026-11-25T08:00:00Z");
                return;
            }
        }
        Long cursorAt = null;
        Long cursorId = null;
        if (ctx.queryParam("cursor") != null) {
            try {
                var parts = new String(Base64.getUrlDecoder().decode(ctx.queryParam("cursor")), StandardCharsets.UTF_8).split(":");
                cursorAt = Long.parseLong(parts[0]);
                cursorId = Long.parseLong(parts[1]);
            } catch (RuntimeException e) {
                Problem.send(ctx, 400, Problem.title(400), "cursor is not one this API gave out; start again without it");
                return;
            }
        }
        var rows = articles.listForApi(new ArticleStore.ApiFilter(status, ctx.queryParam("section"), ctx.queryParam("tag"), ctx.queryParam("author"),
            since, cursorAt, cursorId), limit + 1);
        var page = rows.subList(0, Math.min(limit, rows.size()));
        var items = new ArrayList<Map<String, Object>>();
        for (var s : page) articles.find(s.id()).ifPresent(a -> items.add(view(a)));
        var body = new LinkedHashMap<String, Object>();
        body.put("items", items);
        if (rows.size() > limit) {
            var last = page.get(page.size() - 1);
            body.put("next_cursor", Base64.getUrlEncoder().withoutPadding().encodeToString((last.updatedAt() + ":" + last.id()).getBytes(StandardCharsets.UTF_8)));
        } else {
            body.put("next_cursor", null);
        }
        send(ctx, 200, body);
    }

    private Optional<Article> visible(Context ctx, Optional<Article> a) {
        return a.filter(x -> x.isPublished() || editor(ctx));
    }

    private void show(Context ctx) throws Exception {
        var a = visible(ctx, id(ctx).flatMap(articles::find));
        if (a.isEmpty()) {
            Problem.send(ctx, 404, Problem.title(404), "No article " + ctx.pathParam("id") + ".");
            return;
        }
        var format = ctx.queryParam("format");
        if (format == null || format.equals("masthead")) {
            send(ctx, 200, view(a.get()));
        } else if (format.equals("ninjs")) {
            send(ctx, 200, NinjsView.of(a.get(), baseUrl, a.get().languageOr(siteLanguage.get())));
        } else {
            Problem.send(ctx, 400, Problem.title(400), "Unknown format '" + format + "'; use ninjs, or leave it out for Masthead's own.");
        }
    }

    private void byPath(Context ctx) throws Exception {
        var path = ctx.queryParam("path");
        var parts = path == null ? new String[0] : path.replaceAll("^/+|/+$", "").split("/");
        var a = parts.length == 2 ? articles.findPublished(parts[0], parts[1]) : Optional.<Article>empty();
        if (a.isEmpty()) {
            Problem.send(ctx, 404, Problem.title(404), "No published article at path '" + path + "'.");
            return;
        }
        send(ctx, 200, view(a.get()));
    }

    private static Optional<Long> id(Context ctx) {
        try {
            return Optional.of(Long.parseLong(ctx.pathParam("id")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The user an editor token acts as: its creator, with the editor role at most. */
    private Optional<User> actor(Context ctx) {
        var token = ApiGuard.token(ctx);
        return token.createdBy() == null ? Optional.empty() : users.find(token.createdBy()).filter(u -> !u.disabled())
            .map(u -> new User(u.id(), u.email(), u.displayName(), Role.EDITOR, false));
    }

    private void create(Context ctx) throws Exception {
        var actor = actor(ctx);
        if (actor.isEmpty()) {
            Problem.send(ctx, 403, Problem.title(403), "The admin who created this token is disabled.");
            return;
        }
        var draft = draft(ctx);
        if (draft.isEmpty()) return;
        var result = publishing.create(actor.get(), draft.get().draft(), draft.get().leadPhoto());
        respond(ctx, withTimes(actor.get(), result, draft.get()), 201);
    }

    private void update(Context ctx) throws Exception {
        var actor = actor(ctx);
        var current = id(ctx).flatMap(articles::find);
        if (current.isEmpty()) {
            Problem.send(ctx, 404, Problem.title(404), "No article " + ctx.pathParam("id") + ".");
            return;
        }
        if (actor.isEmpty()) {
            Problem.send(ctx, 403, Problem.title(403), "The admin who created this token is disabled.");
            return;
        }
        var draft = draft(ctx);
        if (draft.isEmpty()) return;
        if (draft.get().revision() == null) {
            Problem.send(ctx, 400, Problem.title(400), "Send the 'revision' you based this change on (from GET /api/v1/articles/{id}).");
            return;
        }
        var p = draft.get();
        var lead = p.photoGiven() ? p.leadPhoto() : currentUse(current.get());
        respond(ctx, withTimes(actor.get(), publishing.save(actor.get(), current.get().id(), p.revision(), p.draftOver(current.get()), lead), p), 200);
    }

    /** The article's own use of its lead photo, kept when an update does not mention the photo. */
    private static PhotoUse currentUse(Article a) {
        var p = a.leadPhoto();
        return p == null ? null : PhotoUse.of(p); // an article's photo carries the story's own words
    }

    /** A workflow move: {"at": ISO-8601 instant} to schedule, {"note"} to send back, {"reason"} to kill. */
    private void move(Context ctx, Transition t) throws Exception {
        var actor = actor(ctx);
        var current = id(ctx).flatMap(articles::find);
        if (current.isEmpty() || actor.isEmpty()) {
            Problem.send(ctx, 404, Problem.title(404), "No article " + ctx.pathParam("id") + ".");
            return;
        }
        JsonNode body = json.createObjectNode();
        if (!ctx.body().isBlank()) {
            try {
                body = json.readTree(ctx.body());
            } catch (Exception e) {
                Problem.send(ctx, 400, Problem.title(400), "The body must be a JSON object.");
                return;
            }
        }
        Long at = null;
        if (t == Transition.SCHEDULE) {
            try {
                at = java.time.Instant.parse(body.path("at").asText("")).toEpochMilli();
            } catch (java.time.format.DateTimeParseException e) {
                unprocessable(ctx, Map.of("at", "Send \"at\" as an ISO-8601 instant, for example 2026-12-02T06:00:00Z."));
                return;
            }
        }
        var text = t == Transition.KILL ? body.path("reason").asText("") : body.path("note").asText("");
        respond(ctx, publishing.move(actor.get(), current.get().id(), t, at, text), 200);
    }

    private void checks(Context ctx) throws Exception {
        var current = id(ctx).flatMap(articles::find);
        if (current.isEmpty()) {
            Problem.send(ctx, 404, Problem.title(404), "No article " + ctx.pathParam("id") + ".");
            return;
        }
        send(ctx, 200, Map.of("items", copyDesk.check(current.get()).stream().map(f -> Map.of("rule", f.rule(), "field", f.field(),
            "message", f.message(), "excerpt", f.excerpt())).toList()));
    }

    private void previewLink(Context ctx) throws Exception {
        var current = id(ctx).flatMap(articles::find);
        if (current.isEmpty()) {
            Problem.send(ctx, 404, Problem.title(404), "No article " + ctx.pathParam("id") + ".");
            return;
        }
        var link = previews.create(current.get().id(), PreviewLinks.DEFAULT_LIFETIME);
        send(ctx, 201, Map.of("url", baseUrl + link.path(), "expires_at", Instant.ofEpochMilli(link.expiresAt()).toString()));
    }

    private void revisionList(Context ctx) throws Exception {
        var current = id(ctx).flatMap(articles::find);
        if (current.isEmpty()) {
            Problem.send(ctx, 404, Problem.title(404), "No article " + ctx.pathParam("id") + ".");
            return;
        }
        send(ctx, 200, Map.of("items", revisions.list(current.get().id()).stream().map(e -> Map.of("revision", e.revision(),
            "saved_by", e.savedBy(), "saved_at", Instant.ofEpochMilli(e.savedAt()).toString(), "changed", e.changed())).toList()));
    }

    private int revisionNumber(Context ctx) {
        try {
            return Integer.parseInt(ctx.pathParam("n"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void revision(Context ctx) throws Exception {
        var current = id(ctx).flatMap(articles::find);
        var snap = current.flatMap(a -> revisions.find(a.id(), revisionNumber(ctx)));
        if (snap.isEmpty()) {
            Problem.send(ctx, 404, Problem.title(404), "No revision " + ctx.pathParam("n") + " of article " + ctx.pathParam("id") + ".");
            return;
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("revision", revisionNumber(ctx));
        body.put("snapshot", snap.get());
        send(ctx, 200, body);
    }

    private void restore(Context ctx) throws Exception {
        var actor = actor(ctx);
        var current = id(ctx).flatMap(articles::find);
        if (current.isEmpty() || actor.isEmpty()) {
            Problem.send(ctx, 404, Problem.title(404), "No article " + ctx.pathParam("id") + ".");
            return;
        }
        var result = revisions.restore(actor.get(), current.get().id(), revisionNumber(ctx));
        if (result instanceof Publishing.Result.Invalid) {
            Problem.send(ctx, 404, Problem.title(404), "No revision " + ctx.pathParam("n") + " of article " + ctx.pathParam("id") + ".");
            return;
        }
        respond(ctx, result, 200);
    }

    /** {"kind": "correction"|"clarification"|"update", "text": "..."} on a published story. */
    private void correct(Context ctx) throws Exception {
        var actor = actor(ctx);
        var current = id(ctx).flatMap(articles::find);
        if (current.isEmpty() || actor.isEmpty()) {
            Problem.send(ctx, 404, Problem.title(404), "No article " + ctx.pathParam("id") + ".");
            return;
        }
        var parsed = Problem.jsonObject(ctx);
        if (parsed.isEmpty()) return;
        var body = parsed.get();
        Correction.Kind kind;
        try {
            kind = Correction.Kind.parse(body.path("kind").asText("correction"));
        } catch (IllegalArgumentException e) {
            unprocessable(ctx, Map.of("kind", "kind must be correction, clarification or update."));
            return;
        }
        respond(ctx, publishing.addCorrection(actor.get(), current.get().id(), kind, body.path("text").asText("")), 201);
    }

    private void status(Context ctx, boolean publish) throws Exception {
        var actor = actor(ctx);
        var current = id(ctx).flatMap(articles::find);
        if (current.isEmpty() || actor.isEmpty()) {
            Problem.send(ctx, 404, Problem.title(404), "No article " + ctx.pathParam("id") + ".");
            return;
        }
        respond(ctx, publish ? publishing.publish(actor.get(), current.get().id()) : publishing.unpublish(actor.get(), current.get().id()), 200);
    }

    /** {@code leadPhoto}: the story's use of its lead photo; {@code photoGiven}: the body named one (else the current one stays). */
    private record Parsed(ArticleDraft draft, PhotoUse leadPhoto, boolean photoGiven, Integer revision, Times times, boolean languageGiven,
                          boolean seoGiven) {
        /** The draft, keeping {@code current}'s language and search/social fields where the body did not send them (older clients). */
        ArticleDraft draftOver(Article current) {
            var d = draft;
            return new ArticleDraft(d.headline(), d.dek(), d.sectionId(), d.slug(), d.bodyHtml(), d.dateline(), d.bylines(), d.tags(),
                languageGiven ? d.language() : current.language(), seoGiven ? d.seo() : current.seo());
        }
    }

    /** {@code published_at} (archive and back-dated stories) and {@code embargo_until}, when the body sent them. */
    private record Times(boolean publishedGiven, @Nullable Long publishedAt, boolean embargoGiven, @Nullable Long embargoUntil) {}

    private Publishing.Result withTimes(User actor, Publishing.Result result, Parsed p) {
        if (!(result instanceof Publishing.Result.Saved saved)) return result;
        var t = p.times();
        if (t.publishedGiven()) result = publishing.backdate(actor, saved.article().id(), t.publishedAt());
        if (t.embargoGiven() && result instanceof Publishing.Result.Saved) result = publishing.embargo(actor, saved.article().id(), t.embargoUntil());
        return result;
    }

    /** An ISO-8601 instant field, or null; absent() when the body did not send it; 422 on anything else. */
    private static Optional<Optional<Long>> instant(Context ctx, JsonNode body, String field) {
        if (!body.has(field)) return Optional.empty();
        if (body.get(field).isNull()) return Optional.of(Optional.empty());
        try {
            return Optional.of(Optional.of(Instant.parse(body.get(field).asText()).toEpochMilli()));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private Optional<Parsed> draft(Context ctx) {
        var parsed = Problem.jsonObject(ctx);
        if (parsed.isEmpty()) return Optional.empty();
        var body = parsed.get();
        var sectionSlug = body.path("section").asText("");
        var section = taxonomy.findSectionBySlug(sectionSlug);
        var draft = new ArticleDraft(body.path("headline").asText(""), body.path("dek").asText(""), section.map(s -> s.id()).orElse(0L),
            body.path("slug").asText(""), body.path("body_html").asText(""), body.path("dateline").asText(""),
            strings(body.path("bylines")), strings(body.path("tags")), body.path("language").asText(""),
            new Seo(body.path("seo_title").asText(""), body.path("seo_description").asText(""),
                body.path("social_image_id").canConvertToLong() && body.path("social_image_id").isIntegralNumber() ? body.path("social_image_id").asLong() : null));
        var socialImage = body.path("social_image_id");
        if (body.has("social_image_id") && !socialImage.isNull() && (!socialImage.isIntegralNumber() || photos.find(socialImage.asLong()).isEmpty())) {
            unprocessable(ctx, Map.of("social_image_id", "social_image_id must be the id of a photo in the library, or null."));
            return Optional.empty();
        }
        if (body.has("language") && !body.get("language").isTextual()) {
            unprocessable(ctx, Map.of("language", "language must be a BCP 47 tag such as en, ar or pt-BR."));
            return Optional.empty();
        }
        var lead = body.path("lead_photo");
        var leadId = lead.isObject() ? lead.path("id") : body.path("lead_photo_id");
        PhotoUse use = null;
        boolean given = body.has("lead_photo") || body.has("lead_photo_id");
        if (!leadId.isMissingNode() && !leadId.isNull()) {
            if (!leadId.canConvertToLong() || !leadId.isIntegralNumber() || leadId.asLong() <= 0) {
                unprocessable(ctx, Map.of("lead_photo", "lead_photo.id (or lead_photo_id) must be the id of a photo in the library, a positive whole number."));
                return Optional.empty();
            }
            var library = photos.find(leadId.asLong());
            if (library.isEmpty()) {
                unprocessable(ctx, Map.of("lead_photo", "There is no photo " + leadId.asLong() + " in the library."));
                return Optional.empty();
            }
            use = lead.isObject()
                ? new PhotoUse(library.get().id(), text(lead, "caption"), text(lead, "credit"), text(lead, "alt_text"), text(lead, "title")).orLibrary(library.get())
                : PhotoUse.of(library.get());
            if (lead.isObject()) { // a field sent empty ("") stays empty; a field left out takes the library's words
                use = new PhotoUse(use.mediaId(), lead.has("caption") ? text(lead, "caption") : use.caption(),
                    lead.has("credit") ? text(lead, "credit") : use.credit(), lead.has("alt_text") ? text(lead, "alt_text") : use.altText(),
                    lead.has("title") ? text(lead, "title") : use.title());
            }
        } else if (lead.isObject() || (!lead.isMissingNode() && !lead.isNull())) {
            unprocessable(ctx, Map.of("lead_photo", "lead_photo must be null or an object with an id."));
            return Optional.empty();
        }
        Integer revision = body.hasNonNull("revision") ? body.get("revision").asInt() : null;
        var published = instant(ctx, body, "published_at");
        var embargo = instant(ctx, body, "embargo_until");
        if (published == null || embargo == null) {
            unprocessable(ctx, Map.of(published == null ? "published_at" : "embargo_until", "Send an ISO-8601 instant such as 2016-09-28T14:00:00Z, or null."));
            return Optional.empty();
        }
        var times = new Times(published.isPresent(), published.flatMap(x -> x).orElse(null), embargo.isPresent(), embargo.flatMap(x -> x).orElse(null));
        return Optional.of(new Parsed(draft, use, given, revision, times, body.has("language"),
            body.has("seo_title") || body.has("seo_description") || body.has("social_image_id")));
    }

    private static String text(JsonNode node, String field) { return node.path(field).isTextual() ? node.path(field).asText() : ""; }

    private void unprocessable(Context ctx, Map<String, String> errors) {
        try {
            respond(ctx, new Publishing.Result.Invalid(errors, 422), 422);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(JsonNode array) {
        var out = new ArrayList<String>();
        if (array.isArray()) array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private void respond(Context ctx, Publishing.Result result, int okStatus) throws Exception {
        switch (result) {
            case Publishing.Result.Saved saved -> send(ctx, okStatus, view(saved.article()));
            case Publishing.Result.Invalid invalid -> Problem.invalid(ctx, invalid.problems());
            case Publishing.Result.Conflict conflict -> Problem.send(ctx, 409, Problem.title(409), "The article was saved by someone else since the revision "
                + "you sent; it is now at revision " + conflict.current().revision() + ". GET it, merge, and send that revision.");
            case Publishing.Result.Forbidden forbidden -> Problem.send(ctx, 403, Problem.title(403), forbidden.message());
            case Publishing.Result.Refused refused -> Problem.send(ctx, 409, Problem.title(409), refused.message());
        }
    }

    Map<String, Object> view(Article a) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", a.id());
        m.put("url", baseUrl + a.path());
        m.put("path", a.path());
        m.put("status", a.status().dbValue());
        m.put("revision", a.revision());
        m.put("headline", a.headline());
        m.put("dek", a.dek());
        m.put("section", a.section().slug());
        m.put("slug", a.slug());
        m.put("dateline", a.dateline());
        m.put("language", a.languageOr(siteLanguage.get()));
        m.put("direction", org.masthead.http.Languages.dir(a.languageOr(siteLanguage.get())));
        m.put("seo_title", a.seo().title());
        m.put("seo_description", a.seo().description());
        m.put("social_image_id", a.seo().imageId());
        m.put("bylines", a.authors().stream().map(au -> Map.of("name", au.displayName(), "slug", au.slug())).toList());
        m.put("tags", a.tags().stream().map(t -> Map.of("name", t.name(), "slug", t.slug())).toList());
        m.put("body_html", a.bodyHtml());
        m.put("published_at", a.publishedAt() == null ? null : Instant.ofEpochMilli(a.publishedAt()).toString());
        m.put("updated_at", Instant.ofEpochMilli(a.updatedAt()).toString());
        var w = a.workflow();
        m.put("publish_at", w.publishAt() == null ? null : Instant.ofEpochMilli(w.publishAt()).toString());
        m.put("embargo_until", w.embargoUntil() == null ? null : Instant.ofEpochMilli(w.embargoUntil()).toString());
        m.put("corrections", a.corrections().stream().map(c -> Map.of("kind", c.kind().dbValue(), "text", c.text(),
            "created_at", Instant.ofEpochMilli(c.createdAt()).toString())).toList());
        var p = a.leadPhoto();
        m.put("lead_photo", p == null ? null : Map.of("id", p.id(), "url", baseUrl + p.url(), "width", p.width(), "height", p.height(),
            "title", p.title(), "caption", p.caption(), "credit", p.credit(), "alt_text", p.altText()));
        return m;
    }

    private void send(Context ctx, int status, Object body) throws Exception {
        ctx.status(status).contentType("application/json").result(json.writeValueAsString(body));
    }
}
