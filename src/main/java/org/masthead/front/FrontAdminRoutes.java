package org.masthead.front;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.account.NewsroomGuard;
import org.masthead.article.ArticleStore;
import org.masthead.article.ArticleSummary;
import org.masthead.http.Access;
import org.masthead.http.Chrome;
import org.masthead.http.Templates;

/**
 * Editors program the home page and section fronts: reorder the slots (drag, or the move buttons,
 * or the position numbers without script), pin a story until a time in the site's zone, add and
 * remove stories, and see what readers get.
 */
public final class FrontAdminRoutes {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final Fronts fronts;
    private final ArticleStore articles;
    private final NewsroomGuard guard;
    private final Templates templates;
    private final java.util.function.Supplier<ZoneId> zone;

    private final java.util.function.Function<org.masthead.account.User, java.util.Set<Long>> sectionsOf;

    /** {@code sectionsOf}: the sections a per-section editor is limited to (empty: every front, home included). */
    public FrontAdminRoutes(Fronts fronts, ArticleStore articles, NewsroomGuard guard, Templates templates, java.util.function.Supplier<ZoneId> zone,
                            java.util.function.Function<org.masthead.account.User, java.util.Set<Long>> sectionsOf) {
        this.sectionsOf = sectionsOf;
        this.fronts = fronts;
        this.articles = articles;
        this.guard = guard;
        this.templates = templates;
        this.zone = zone;
    }

    public void mount(JavalinDefaultRoutingApi r) {
        r.get("/newsroom/fronts", this::index, Access.EDITOR);
        r.get("/newsroom/fronts/{front}", this::show, Access.EDITOR);
        r.post("/newsroom/fronts/{front}", this::save, Access.EDITOR);
    }

    /** A programmed slot as the form shows it: the story, its position (1 = lead) and its pin as typed. */
    public record Row(long articleId, String headline, String path, boolean hasPhoto, int position, String pinnedUntil) {
        /** A pin the date picker can show; anything else comes back as typed, in a text field. */
        public boolean pinParses() {
            try {
                if (!pinnedUntil.isEmpty()) LocalDateTime.parse(pinnedUntil);
                return true;
            } catch (java.time.format.DateTimeParseException e) {
                return false;
            }
        }
    }

    public record Index(Chrome chrome, List<Fronts.Front> fronts) {}

    /** {@code shown}: what readers see now; {@code candidates}: recent published stories to add. */
    public record Page(Chrome chrome, Fronts.Front front, List<Row> rows, List<ArticleSummary> shown, List<ArticleSummary> candidates,
                       Map<String, String> errors, String notice, String zone) {
        public String error(String field) { return errors.getOrDefault(field, ""); }
    }

    private void index(Context ctx) {
        templates.privatePage(ctx, 200, "newsroom/fronts.jte", new Index(guard.chrome(ctx, "Fronts", "fronts"),
            fronts.list().stream().filter(f -> mayProgram(ctx, f)).toList()));
    }

    /** Admins and unrestricted editors program every front; a per-section editor only their sections' fronts, not home. */
    private boolean mayProgram(Context ctx, Fronts.Front front) {
        var user = NewsroomGuard.user(ctx);
        if (user.role().canManageUsers()) return true;
        var limits = sectionsOf.apply(user);
        return limits.isEmpty() || (front.section() != null && limits.contains(front.section().id()));
    }

    private Fronts.Front allowed(Context ctx) {
        var front = fronts.find(ctx.pathParam("front")).orElseThrow(() -> new io.javalin.http.NotFoundResponse("No such front."));
        if (!mayProgram(ctx, front)) throw new io.javalin.http.ForbiddenResponse("You program only your own sections' fronts.");
        return front;
    }

    private void show(Context ctx) {
        var front = allowed(ctx);
        var slots = fronts.slots(front);
        var byId = new LinkedHashMap<Long, ArticleSummary>();
        articles.listPublishedByIds(slots.stream().map(Fronts.Slot::articleId).toList()).forEach(a -> byId.put(a.id(), a));
        var rows = new ArrayList<Row>();
        for (var s : slots) {
            var a = byId.get(s.articleId());
            if (a == null) continue; // unpublished since: readers no longer see it there
            rows.add(row(a, rows.size() + 1, s.pinnedUntil() == null ? "" : LOCAL.format(java.time.Instant.ofEpochMilli(s.pinnedUntil()).atZone(zone.get()))));
        }
        render(ctx, 200, front, rows, Map.of(), "1".equals(ctx.queryParam("saved")) ? "Front saved: readers see it now." : "");
    }

    private static Row row(ArticleSummary a, int position, String pinned) {
        return new Row(a.id(), a.headline(), a.path(), a.leadPhoto() != null, position, pinned);
    }

    private void render(Context ctx, int status, Fronts.Front front, List<Row> rows, Map<String, String> errors, String notice) {
        var onFront = new HashSet<Long>();
        rows.forEach(r -> onFront.add(r.articleId()));
        var candidates = articles.listPublished(front.sectionId(), 60, 0).stream().filter(a -> !onFront.contains(a.id())).toList();
        var shown = fronts.resolve(front, front.section() == null ? Fronts.HOME_SLOTS : 10);
        templates.privatePage(ctx, status, "newsroom/front.jte", new Page(guard.chrome(ctx, front.label(), "fronts"), front, rows, shown,
            candidates, errors, notice, zone.get().getId()));
    }

    /**
     * The form: per row {@code article_id}, {@code position}, {@code pinned_until} (a local time in
     * the site's zone, or empty) and {@code remove}; then {@code add_article_id} at {@code add_position}.
     */
    private void save(Context ctx) {
        var front = allowed(ctx);
        var ids = ctx.formParams("article_id");
        if (ids.size() > Fronts.MAX_SLOTS) throw new io.javalin.http.BadRequestResponse(Fronts.tooMany(ids.size())); // no form of ours sends more
        var positions = ctx.formParams("position");
        var pins = ctx.formParams("pinned_until");
        var removed = new HashSet<>(ctx.formParams("remove"));
        record Typed(long id, double position, String pinned) {}
        var typed = new ArrayList<Typed>();
        var errors = new LinkedHashMap<String, String>();
        for (int i = 0; i < ids.size(); i++) {
            var id = parseLong(ids.get(i));
            if (id == null || removed.contains(ids.get(i))) continue;
            var pos = i < positions.size() ? parseLong(positions.get(i).strip()) : null;
            // A number typed lands the story there: ahead of the one at that place when moved up, after it when moved down.
            double at = pos == null || pos == i + 1 ? i + 1 : pos < i + 1 ? pos - 0.5 : pos + 0.5;
            typed.add(new Typed(id, at + i / 1000.0, i < pins.size() ? pins.get(i).strip() : ""));
        }
        var added = parseLong(ctx.formParam("add_article_id"));
        if (added != null && typed.stream().noneMatch(t -> t.id() == added)) {
            var at = parseLong(ctx.formParam("add_position"));
            typed.add(new Typed(added, at == null ? Integer.MAX_VALUE : at - 0.75, ""));
        }
        typed.sort(Comparator.comparingDouble(Typed::position));
        var slots = new ArrayList<Fronts.Slot>();
        for (int i = 0; i < typed.size(); i++) {
            var t = typed.get(i);
            Long until = null;
            if (!t.pinned().isEmpty()) {
                try {
                    until = LocalDateTime.parse(t.pinned()).atZone(zone.get()).toInstant().toEpochMilli();
                } catch (java.time.format.DateTimeParseException e) {
                    errors.put("slots[" + i + "].pinned_until", "Give the pin's end as a date and time, such as 2026-12-02T06:00, or leave it empty.");
                }
            }
            slots.add(new Fronts.Slot(t.id(), until));
        }
        if (errors.isEmpty()) {
            switch (fronts.set(front, slots)) {
                case Fronts.Result.Saved saved -> {
                    ctx.redirect("/newsroom/fronts/" + org.masthead.taxonomy.Slugs.encode(front.name()) + "?saved=1", HttpStatus.SEE_OTHER);
                    return;
                }
                case Fronts.Result.Invalid invalid -> errors.putAll(invalid.problems());
            }
        }
        // Refused: the editor's order and typed pins come back as they were sent, each problem by its row.
        var byId = new LinkedHashMap<Long, ArticleSummary>();
        articles.listPublishedByIds(typed.stream().map(Typed::id).toList()).forEach(a -> byId.put(a.id(), a));
        var rows = new ArrayList<Row>();
        for (int i = 0; i < typed.size(); i++) {
            var t = typed.get(i);
            var a = byId.get(t.id());
            rows.add(a == null ? new Row(t.id(), "Story " + t.id() + " (not published)", "", false, i + 1, t.pinned()) : row(a, i + 1, t.pinned()));
        }
        render(ctx, 400, front, rows, errors, "");
    }

    private static @Nullable Long parseLong(@Nullable String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
