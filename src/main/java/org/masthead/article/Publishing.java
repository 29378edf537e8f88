package org.masthead.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;
import org.masthead.account.User;
import org.masthead.db.Database;
import org.masthead.media.MediaStore;
import org.masthead.taxonomy.Slugs;
import org.masthead.taxonomy.TaxonomyStore;

/**
 * Use cases from first draft to unpublishing. Every save writes a revision; a save carries the
 * revision it was based on and a stale one is refused (no silent overwrite). Contributors edit only
 * their own drafts and never publish; editors and admins do anything to any article.
 */
public final class Publishing {
    private final Database db;
    private final ArticleStore articles;
    private final TaxonomyStore taxonomy;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final List<Consumer<ArticleChanged>> listeners = new CopyOnWriteArrayList<>();

    private final boolean requirePhotoCredit;

    private final MediaStore media;
    private final ChangeLog changes;
    private final String node;

    /**
     * {@code requirePhotoCredit}: refuse to publish a lead photo without alt text or credit (else the editor is warned).
     * {@code node}: this process, as the change log names it.
     */
    public Publishing(Database db, ArticleStore articles, TaxonomyStore taxonomy, MediaStore media, ChangeLog changes, String node,
                      Clock clock, boolean requirePhotoCredit) {
        this.requirePhotoCredit = requirePhotoCredit;
        this.changes = changes;
        this.node = node;
        this.media = media;
        this.db = db;
        this.articles = articles;
        this.taxonomy = taxonomy;
        this.clock = clock;
    }

    private volatile java.util.function.Function<User, java.util.Set<Long>> sectionsOf = user -> java.util.Set.of();

    /** Per-section editors (set by app): the sections an editor is limited to; empty: every section. */
    public void limitSectionsBy(java.util.function.Function<User, java.util.Set<Long>> sections) { this.sectionsOf = sections; }

    private @Nullable String outsideSections(@Nullable User user, long... sections) {
        if (user == null || !user.role().canPublish() || user.role().canManageUsers()) return null;
        var allowed = sectionsOf.apply(user); // one look-up, whatever the number of sections asked about
        if (allowed.isEmpty()) return null;
        for (long s : sections) if (s > 0 && !allowed.contains(s)) return "You edit only your own sections; this story is in another.";
        return null;
    }

    /** Listeners run after the transaction commits, on the saving thread. */
    public void onChange(Consumer<ArticleChanged> listener) { listeners.add(listener); }

    public sealed interface Result {
        record Saved(Article article) implements Result {}
        /** {@code status} 422 when a field held control characters, else 400. */
        record Invalid(Map<String, String> problems, int status) implements Result {
            public Invalid(Map<String, String> problems) { this(problems, 400); }
        }
        record Conflict(Article current) implements Result {}
        /** A move that cannot be made from the story's state (or before its embargo): 409 with the reason. */
        record Refused(String message) implements Result {}
        record Forbidden(String message) implements Result {}
    }

    /** Creates a draft whose lead photo (if any) carries the library's words. */
    public Result create(User user, ArticleDraft draft, @Nullable Long leadMediaId) {
        return create(user, draft, libraryUse(leadMediaId));
    }

    public Result create(User user, ArticleDraft draft, @Nullable PhotoUse lead) {
        var outside = outsideSections(user, draft.sectionId());
        if (outside != null) return new Result.Forbidden(outside);
        var problems = checked(draft, lead);
        if (!problems.isEmpty()) return invalid(draft, lead, problems);
        long now = clock.millis();
        var created = db.transaction(h -> {
            var a = insertNew(h, user, draft, lead, now, ArticleStatus.DRAFT, null, false);
            articles.insertAudit(h, user.id(), "article.create", "article:" + a.id(), now);
            log(h, new ArticleChanged(a.id(), null, null, "create"), now);
            return a;
        });
        emit(new ArticleChanged(created.id(), null, null, "create")); // nothing readers see; the newsroom's search indexes the draft
        return new Result.Saved(created);
    }

    /** A new story's row, bylines, tags and first revision, in {@code status} (a draft, or published at {@code publishedAt}); returns it. */
    private Article insertNew(Handle h, User user, ArticleDraft draft, @Nullable PhotoUse lead, long now, ArticleStatus status, @Nullable Long publishedAt,
                              boolean bodySanitized) {
        var slug = uniqueSlug(h, draft, 0);
        var body = bodySanitized ? draft.bodyHtml() : BodySanitizer.sanitize(draft.bodyHtml());
        long id = articles.insert(h, draft, slug, body, lead, user.id(), now, status, publishedAt);
        // No silent default: a story without bylines has none (staff or agency copy), never the saver's name.
        var authors = taxonomy.authorsNamed(h, draft.bylines());
        var tags = taxonomy.tagsNamed(h, draft.tags());
        articles.insertBylinesAndTags(h, id, authors, tags);
        articles.insertRevision(h, id, 1, user.id(), now, snapshot(draft, slug, lead, status.dbValue()));
        // The story as a read would give it, from what was just written (no reload of the body): an import saves a query per story.
        var s = taxonomy.findSection(draft.sectionId()).map(x -> new org.masthead.taxonomy.Section(x.id(), x.slug(), x.name())).orElse(null);
        if (s == null) return articles.find(h, id).orElseThrow();
        org.masthead.media.Photo photo = null;
        if (lead != null) {
            var library = media.find(lead.mediaId()).orElse(null);
            if (library != null) {
                photo = new org.masthead.media.Photo(library.id(), library.sha256(), library.mime(), library.width(), library.height(), lead.caption(),
                    lead.credit(), library.creator(), library.copyright(), lead.altText(), lead.title(), library.focalX(), library.focalY());
            }
        }
        return new Article(id, s, slug, status, draft.headline(), draft.dek(), body, photo, draft.dateline(), publishedAt, now, 1, user.id(),
            List.copyOf(authors), articles.tagsOf(h, id), Article.Workflow.NONE, List.of(), draft.language(), draft.seo());
    }

    /**
     * Creates a story already published at {@code publishedAt}, as an archive's import brings it: what create, publish and backdate
     * do, in one transaction (revision 1, published) with one announcement.
     */
    public Result createPublished(User user, ArticleDraft draft, @Nullable PhotoUse lead, long publishedAt) { return createPublished(user, draft, lead, publishedAt, false); }

    /**
     * As {@link #createPublished(User, ArticleDraft, PhotoUse, long)}; {@code bodySanitized} says the caller already ran the body through
     * {@link BodySanitizer#sanitize} (an import does it on its reader thread), so it is stored as it is.
     */
    public Result createPublished(User user, ArticleDraft draft, @Nullable PhotoUse lead, long publishedAt, boolean bodySanitized) {
        if (!user.role().canPublish()) return new Result.Forbidden("Only editors and admins publish.");
        var outside = outsideSections(user, draft.sectionId());
        if (outside != null) return new Result.Forbidden(outside);
        var problems = checked(draft, lead);
        if (!problems.isEmpty()) return invalid(draft, lead, problems);
        if (requirePhotoCredit && lead != null && (lead.altText().isBlank() || lead.credit().isBlank())) {
            return new Result.Invalid(Map.of("photo", "Add alt text and a credit to the lead photo before publishing."));
        }
        long now = clock.millis();
        var after = db.transaction(h -> {
            var a = insertNew(h, user, draft, lead, now, ArticleStatus.PUBLISHED, publishedAt, bodySanitized);
            long id = a.id();
            articles.insertAudit(h, user.id(), "article.import", "article:" + id, now);
            log(h, new ArticleChanged(id, null, ArticleChanged.Visible.of(a), Transition.PUBLISH.slug()), now);
            return a;
        });
        emit(new ArticleChanged(after.id(), null, ArticleChanged.Visible.of(after), Transition.PUBLISH.slug()));
        return new Result.Saved(after);
    }

    /** Saves over {@code baseRevision}; the lead photo (if any) carries the library's words. */
    public Result save(User user, long id, int baseRevision, ArticleDraft draft, @Nullable Long leadMediaId) {
        return save(user, id, baseRevision, draft, libraryUse(leadMediaId));
    }

    /**
     * Saves over {@code baseRevision}, with the story's own words for its lead photo. A refusal
     * (invalid, forbidden, or a conflict because someone saved in between) writes nothing at all,
     * photo text included.
     */
    public Result save(User user, long id, int baseRevision, ArticleDraft draft, @Nullable PhotoUse lead) {
        return save(user, articles.find(id).orElseThrow(() -> new IllegalArgumentException("no article " + id)), baseRevision, draft, lead);
    }

    /** As {@link #save(User, long, int, ArticleDraft, PhotoUse)}, for a caller that has just loaded {@code current}. */
    public Result save(User user, Article current, int baseRevision, ArticleDraft draft, @Nullable PhotoUse lead) {
        long id = current.id();
        var refusal = editRefusal(user, current);
        if (refusal == null) refusal = outsideSections(user, current.section().id(), draft.sectionId());
        if (refusal != null) return new Result.Forbidden(refusal);
        var killed = frozen(current);
        if (killed != null) return new Result.Refused(killed);
        var currentLead = current.leadPhoto() == null ? null : current.leadPhoto().id();
        var problems = checked(draft, lead, currentLead);
        if (!problems.isEmpty()) return invalid(draft, lead, problems);
        long now = clock.millis();
        var saved = db.transaction(h -> {
            var slug = uniqueSlug(h, draft, id);
            if (!articles.update(h, id, baseRevision, draft, slug, BodySanitizer.sanitize(draft.bodyHtml()), lead, now)) {
                return null;
            }
            if (bylinesOrTagsChanged(current, draft, user)) writeBylinesAndTags(h, id, draft, user);
            var after = articles.find(h, id).orElseThrow();
            articles.insertRevision(h, id, after.revision(), user.id(), now, snapshot(draft, slug, lead, after.status().dbValue()));
            if (current.isPublished() && !after.path().equals(current.path())) articles.insertRedirect(h, current.path(), id, now);
            articles.insertAudit(h, user.id(), "article.save", "article:" + id, now);
            log(h, new ArticleChanged(id, ArticleChanged.Visible.of(current), ArticleChanged.Visible.of(after)), now);
            return after;
        });
        if (saved == null) return new Result.Conflict(articles.find(id).orElseThrow());
        emit(new ArticleChanged(id, ArticleChanged.Visible.of(current), ArticleChanged.Visible.of(saved)));
        return new Result.Saved(saved);
    }

    /** Whether the saved names differ from the article's (a save that keeps them writes no byline or tag rows). */
    private static boolean bylinesOrTagsChanged(Article current, ArticleDraft draft, User user) {
        var bylines = draft.bylines().stream().map(Slugs::nameKey).distinct().toList();
        var tags = draft.tags().stream().map(Slugs::termKey).distinct().sorted().toList();
        return !bylines.equals(current.authors().stream().map(a -> Slugs.nameKey(a.displayName())).toList())
            || !tags.equals(current.tags().stream().map(t -> Slugs.termKey(t.name())).sorted().toList());
    }

    private void log(Handle h, ArticleChanged change, long now) {
        changes.append(h, node, change, now); // a draft's too: no page shows it, but every node's search index follows it
    }

    private @Nullable PhotoUse libraryUse(@Nullable Long mediaId) {
        if (mediaId == null) return null;
        return media.find(mediaId).map(PhotoUse::of).orElse(new PhotoUse(mediaId, "", "", ""));
    }

    /**
     * The event a photo's new words make, for the search indexes of every node, written in the transaction that stores
     * them (see {@link org.masthead.media.MediaStore#logChangesWith}).
     */
    public void logPhotoChange(Handle h, long mediaId) { log(h, ArticleChanged.photo(mediaId), clock.millis()); }

    /**
     * The library's words for a photo changed (or its focal point moved): every published story
     * that shows it is announced as changed, so its pages, feeds and CDN copies refresh.
     */
    public void photoChanged(long mediaId) {
        emit(ArticleChanged.photo(mediaId)); // this node's search index at once (the others read the event logChange wrote)
        announceShown(articles.listPublishedIdsWithLeadPhoto(mediaId), "save");
    }

    /**
     * A front showing these stories was reprogrammed: each published one is announced, unchanged,
     * with action "front", so every node drops the pages that list it and the CDN purges them
     * (webhooks ignore it: the story itself did not change).
     */
    public void frontChanged(List<Long> articleIds) { announceShown(articleIds, "front"); }

    /**
     * An author's profile changed: the newest published story with that byline is announced (action
     * "profile"), which drops the author's page on every node and at the CDN; story pages pick up the
     * new JSON-LD when they next render.
     */
    public void authorChanged(String authorSlug) {
        announceShown(articles.listPublishedWith("author", authorSlug, 1).stream().map(ArticleSummary::id).toList(), "profile");
    }

    private void announceShown(List<Long> ids, String action) {
        for (long id : ids) {
            articles.find(id).filter(Article::isPublished).ifPresent(a -> {
                var seen = ArticleChanged.Visible.of(a);
                var change = new ArticleChanged(id, seen, seen, action);
                db.useTransaction(h -> log(h, change, clock.millis()));
                emit(change);
            });
        }
    }

    public Result publish(User user, long id) { return move(user, id, Transition.PUBLISH, null, ""); }

    public Result unpublish(User user, long id) { return move(user, id, Transition.UNPUBLISH, null, ""); }

    /**
     * A workflow move ({@link Transition}): {@code at} is the instant for SCHEDULE, {@code text} the note for
     * SEND_BACK or the reason for KILL. Refusals: Forbidden (who), Refused (from this state, or an embargo), Invalid (input).
     */
    public Result move(User user, long id, Transition t, @Nullable Long at, String text) {
        var current = articles.find(id).orElseThrow(() -> new IllegalArgumentException("no article " + id));
        var forbidden = t.forbidden(user, current);
        if (forbidden == null) forbidden = outsideSections(user, current.section().id());
        if (forbidden != null) return new Result.Forbidden(forbidden);
        return move(user, current, t, at, text == null ? "" : text.strip(), null);
    }

    /**
     * Publishes every scheduled story that is due (job "scheduled-publishing", one node; the
     * conditional update makes each publish happen exactly once even if two nodes raced).
     * Returns the delays after the due times, in milliseconds, of the stories it published.
     */
    public List<Long> publishDue() {
        long now = clock.millis();
        var delays = new java.util.ArrayList<Long>();
        for (long id : articles.listDue(now, 100)) {
            var current = articles.find(id).orElse(null);
            if (current == null || current.status() != ArticleStatus.SCHEDULED || current.workflow().publishAt() == null) continue;
            long late = Math.max(0, clock.millis() - current.workflow().publishAt());
            if (move(null, current, Transition.PUBLISH, null, "", late > LATE_AFTER_MS ? late : null) instanceof Result.Saved) delays.add(late);
        }
        return delays;
    }

    /** A scheduled story published more than this after its time is marked "published late" in the newsroom. */
    static final long LATE_AFTER_MS = 60_000;

    private Result move(@Nullable User user, Article current, Transition t, @Nullable Long at, String text, @Nullable Long lateMs) {
        long id = current.id();
        var conflict = t.conflict(current);
        if (conflict != null) return new Result.Refused(conflict);
        long now = clock.millis();
        var w = current.workflow();
        var photo = current.leadPhoto();
        switch (t) {
            case PUBLISH -> {
                if (w.embargoUntil() != null && now < w.embargoUntil()) {
                    return new Result.Refused("This story is embargoed until " + java.time.Instant.ofEpochMilli(w.embargoUntil())
                        + "; it cannot be published before then. Schedule it for that time instead.");
                }
                if (requirePhotoCredit && photo != null && (photo.altText().isBlank() || photo.credit().isBlank())) {
                    return new Result.Invalid(Map.of("photo", "Add alt text and a credit to the lead photo before publishing."));
                }
            }
            case SCHEDULE -> {
                if (at == null) return new Result.Invalid(Map.of("at", "Give the time to publish at."), 422);
                if (at <= now) return new Result.Invalid(Map.of("at", "That time is in the past; choose a time from now on."), 422);
                if (w.embargoUntil() != null && at < w.embargoUntil()) {
                    return new Result.Refused("This story is embargoed until " + java.time.Instant.ofEpochMilli(w.embargoUntil())
                        + "; schedule it for then or later.");
                }
            }
            case SEND_BACK, KILL -> {
                if (text.isEmpty()) return new Result.Invalid(Map.of("note", t == Transition.KILL ? "Give the reason for the kill." : "Say what needs changing."), 422);
                if (text.length() > 2000 || org.masthead.http.PlainText.hasControlInText(text)) {
                    return new Result.Invalid(Map.of("note", "Keep it under 2,000 characters, without control characters."), 422);
                }
            }
            default -> { }
        }
        var next = switch (t) {
            case SCHEDULE -> new Article.Workflow(at, w.embargoUntil(), w.reviewNote(), w.killReason(), null);
            case SEND_BACK -> new Article.Workflow(null, w.embargoUntil(), text, w.killReason(), w.publishedLateMs());
            case SUBMIT -> new Article.Workflow(null, w.embargoUntil(), "", w.killReason(), w.publishedLateMs());
            case KILL -> new Article.Workflow(null, w.embargoUntil(), w.reviewNote(), text, w.publishedLateMs());
            case RESTORE -> new Article.Workflow(null, w.embargoUntil(), w.reviewNote(), "", w.publishedLateMs());
            case PUBLISH -> new Article.Workflow(null, w.embargoUntil(), w.reviewNote(), w.killReason(), lateMs);
            case APPROVE, UNSCHEDULE, UNPUBLISH -> new Article.Workflow(null, w.embargoUntil(), w.reviewNote(), w.killReason(), w.publishedLateMs());
        };
        Long publishedAt = t == Transition.PUBLISH && current.publishedAt() == null ? Long.valueOf(now) : current.publishedAt();
        Long userId = user == null ? null : user.id();
        var after = db.transaction(h -> {
            if (!articles.setStatus(h, id, current.status(), t.to, publishedAt, next, now)) return null; // someone moved it first
            var a = articles.find(h, id).orElseThrow();
            articles.insertRevision(h, id, a.revision(), userId, now, snapshot(a, t.to.dbValue()));
            articles.insertAudit(h, userId, "article." + t.slug() + (lateMs == null ? "" : ".late"), "article:" + id, now);
            log(h, new ArticleChanged(id, ArticleChanged.Visible.of(current), ArticleChanged.Visible.of(a), t.slug()), now);
            return a;
        });
        if (after == null) return new Result.Refused("Someone else moved this story first; reload it.");
        emit(new ArticleChanged(id, ArticleChanged.Visible.of(current), ArticleChanged.Visible.of(after), t.slug()));
        return new Result.Saved(after);
    }

    /**
     * Appends a correction, clarification or update to a published story: readers see it at the foot
     * (a correction also gets a notice at the top), dateModified moves, and every page that shows the story refreshes.
     */
    public Result addCorrection(User user, long id, Correction.Kind kind, String text) {
        if (!user.role().canPublish()) return new Result.Forbidden("Only editors and admins add corrections.");
        var current = articles.find(id).orElseThrow(() -> new IllegalArgumentException("no article " + id));
        var outside = outsideSections(user, current.section().id());
        if (outside != null) return new Result.Forbidden(outside);
        if (!current.isPublished()) return new Result.Refused("Corrections go on published stories; edit a draft instead.");
        var clean = text == null ? "" : text.strip();
        if (clean.isEmpty() || clean.length() > 2000 || org.masthead.http.PlainText.hasControlInText(clean)) {
            return new Result.Invalid(Map.of("text", "Write the " + kind.dbValue() + " in up to 2,000 characters, without control characters."), 422);
        }
        long now = clock.millis();
        var after = db.transaction(h -> {
            articles.insertCorrection(h, id, kind, clean, user.id(), now);
            var a = articles.find(h, id).orElseThrow();
            articles.insertRevision(h, id, a.revision(), user.id(), now, snapshot(a, a.status().dbValue()));
            articles.insertAudit(h, user.id(), "article." + kind.dbValue(), "article:" + id, now);
            log(h, new ArticleChanged(id, ArticleChanged.Visible.of(current), ArticleChanged.Visible.of(a), kind.dbValue()), now);
            return a;
        });
        emit(new ArticleChanged(id, ArticleChanged.Visible.of(current), ArticleChanged.Visible.of(after), kind.dbValue()));
        return new Result.Saved(after);
    }

    /** Sets the first-publication time of an archive or back-dated story (null clears it). Editors and admins only. */
    public Result backdate(User user, long id, @Nullable Long publishedAt) {
        if (!user.role().canPublish()) return new Result.Forbidden("Only editors and admins set publication times.");
        var before = articles.find(id).orElseThrow();
        db.useTransaction(h -> articles.setPublishedAt(h, id, publishedAt, clock.millis()));
        var after = articles.find(id).orElseThrow();
        var change = new ArticleChanged(id, ArticleChanged.Visible.of(before), ArticleChanged.Visible.of(after));
        db.useTransaction(h -> log(h, change, clock.millis()));
        emit(change);
        return new Result.Saved(after);
    }

    /** Sets or lifts ({@code null}) a story's embargo: publishing may not beat it. Editors and admins only. */
    public Result embargo(User user, long id, @Nullable Long until) {
        if (!user.role().canPublish()) return new Result.Forbidden("Only editors and admins set embargoes.");
        db.useTransaction(h -> articles.setEmbargo(h, id, until));
        return new Result.Saved(articles.find(id).orElseThrow());
    }

    /** Why {@code user} may not edit {@code article}, or null when they may. */
    public static @Nullable String editRefusal(User user, Article article) {
        if (user.role().canPublish()) return null;
        if (article.createdBy() == null || article.createdBy() != user.id()) return "Contributors can edit only their own articles.";
        if (article.status() != ArticleStatus.DRAFT) return "This article is no longer a draft; ask an editor to change it.";
        return null;
    }

    /** Why nobody may edit {@code article} now (a killed story is restored by an admin first), or null. */
    static @Nullable String frozen(Article article) {
        if (article.status() == ArticleStatus.KILLED) return "This story was killed; an admin must restore it before anyone edits it.";
        return null;
    }

    /** Everything wrong with {@code draft}, field → message; empty when it can be saved. */
    public Map<String, String> checked(ArticleDraft draft) { return checked(draft, null); }

    /** Everything wrong with {@code draft} and its lead photo use, field → message; empty when it can be saved. */
    public Map<String, String> checked(ArticleDraft draft, @Nullable PhotoUse lead) { return checked(draft, lead, null); }

    /** {@code currentLead}: the photo the article has now, which needs no look-up. */
    private Map<String, String> checked(ArticleDraft draft, @Nullable PhotoUse lead, @Nullable Long currentLead) {
        var problems = new LinkedHashMap<>(draft.problems());
        if (draft.sectionId() > 0 && taxonomy.findSection(draft.sectionId()).isEmpty()) problems.put("section", "Choose a section.");
        var social = draft.seo().imageId();
        if (social != null && social > 0 && media.find(social).isEmpty()) problems.put("social_image", "There is no photo " + social + " in the library.");
        if (lead != null) {
            problems.putAll(lead.problems());
            if (lead.mediaId() <= 0 || (!Long.valueOf(lead.mediaId()).equals(currentLead) && media.find(lead.mediaId()).isEmpty())) {
                problems.put("photo", "There is no photo " + lead.mediaId() + " in the library; choose another.");
            }
        }
        return problems;
    }

    /** The refusal of a draft with these problems: 422 when it held control characters, else 400. */
    public static Result.Invalid invalid(ArticleDraft draft, @Nullable PhotoUse lead, Map<String, String> problems) {
        boolean control = !draft.controlProblems().isEmpty() || (lead != null && lead.hasControlCharacters());
        return new Result.Invalid(problems, control ? 422 : 400);
    }

    private String uniqueSlug(Handle h, ArticleDraft draft, long id) {
        var base = draft.slug().isEmpty() ? Slugs.from(draft.headline()) : draft.slug();
        var slug = base;
        for (int n = 2; articles.slugTaken(h, draft.sectionId(), slug, id); n++) slug = base + "-" + n;
        return slug;
    }

    private void writeBylinesAndTags(Handle h, long id, ArticleDraft draft, User user) {
        // No silent default: a story without bylines has none (staff or agency copy), never the saver's name.
        articles.replaceBylinesAndTags(h, id, taxonomy.authorsNamed(h, draft.bylines()), taxonomy.tagsNamed(h, draft.tags()));
    }

    private void emit(ArticleChanged change) {
        for (var l : listeners) l.accept(change);
    }

    private String snapshot(ArticleDraft d, String slug, @Nullable PhotoUse lead, String status) { return snapshot(d, slug, lead, status, null); }

    private String snapshot(ArticleDraft d, String slug, @Nullable PhotoUse lead, String status, Article.@Nullable Workflow w) {
        var m = new LinkedHashMap<String, Object>();
        m.put("headline", d.headline());
        m.put("dek", d.dek());
        m.put("sectionId", d.sectionId());
        m.put("slug", slug);
        m.put("bodyHtml", BodySanitizer.sanitize(d.bodyHtml()));
        m.put("dateline", d.dateline());
        m.put("bylines", d.bylines());
        m.put("tags", d.tags());
        m.put("language", d.language());
        if (!d.seo().equals(Seo.NONE)) {
            var seo = new LinkedHashMap<String, Object>();
            seo.put("title", d.seo().title());
            seo.put("description", d.seo().description());
            seo.put("imageId", d.seo().imageId());
            m.put("seo", seo);
        }
        m.put("leadMediaId", lead == null ? null : lead.mediaId());
        if (lead != null) m.put("leadPhoto", Map.of("id", lead.mediaId(), "caption", lead.caption(), "credit", lead.credit(), "altText", lead.altText(),
            "title", lead.title()));
        m.put("status", status);
        if (w != null) {
            var wm = new LinkedHashMap<String, Object>();
            wm.put("publishAt", w.publishAt());
            wm.put("embargoUntil", w.embargoUntil());
            wm.put("reviewNote", w.reviewNote());
            wm.put("killReason", w.killReason());
            wm.put("publishedLateMs", w.publishedLateMs());
            m.put("workflow", wm);
        }
        return write(m);
    }

    private String snapshot(Article a, String status) {
        var draft = new ArticleDraft(a.headline(), a.dek(), a.section().id(), a.slug(), a.bodyHtml(), a.dateline(),
            a.authors().stream().map(x -> x.displayName()).toList(), a.tags().stream().map(t -> t.name()).toList(), a.language(), a.seo());
        var p = a.leadPhoto();
        var json = snapshot(draft, a.slug(), p == null ? null : PhotoUse.of(p), status, a.workflow());
        if (a.corrections().isEmpty()) return json;
        try { // the history shows corrections as a field too
            var node = (com.fasterxml.jackson.databind.node.ObjectNode) this.json.readTree(json);
            node.set("corrections", this.json.valueToTree(a.corrections().stream().map(c -> c.kind().label() + ": " + c.text()).toList()));
            return this.json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
