package org.masthead.page;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.masthead.article.BodySanitizer;
import org.masthead.db.Database;
import org.masthead.http.Languages;
import org.masthead.http.PlainText;
import org.masthead.taxonomy.Slugs;
import org.masthead.taxonomy.TaxonomyStore;

/**
 * Static pages: create, save over a revision (a stale one is refused: no lost edit), delete. The
 * body goes through the stories' sanitizer; a slug may not be a section's or a reserved address.
 */
public final class Pages {
    /** What an editor submits; {@code slug} empty: made from the title. */
    public record Draft(String title, String slug, String bodyHtml, String language) {
        public Draft {
            title = title == null ? "" : title.strip();
            slug = slug == null ? "" : java.text.Normalizer.normalize(slug.strip(), java.text.Normalizer.Form.NFC);
            bodyHtml = bodyHtml == null ? "" : bodyHtml;
            language = language == null ? "" : Languages.canonical(language.strip());
        }
    }

    public sealed interface Result {
        record Saved(StaticPage page) implements Result {}
        /** Field → message; nothing was stored. */
        record Invalid(Map<String, String> problems) implements Result {}
        /** Someone saved since {@code baseRevision}: nothing was written. */
        record Conflict(StaticPage current) implements Result {}
    }

    private final Database db;
    private final PageStore store;
    private final TaxonomyStore taxonomy;
    private final Clock clock;

    public Pages(Database db, TaxonomyStore taxonomy, Clock clock) {
        this.db = db;
        this.store = new PageStore(db);
        this.taxonomy = taxonomy;
        this.clock = clock;
    }

    public Optional<StaticPage> find(long id) { return store.find(id); }

    public Optional<StaticPage> findBySlug(String slug) { return store.findBySlug(slug); }

    public boolean wasDeleted(String slug) { return store.wasDeleted(slug); }

    public List<StaticPage> list() { return store.list(); }

    public int revisions(long id) { return store.countRevisions(id); }

    private Map<String, String> problems(Draft d, String slug) {
        var p = new LinkedHashMap<String, String>();
        if (d.title().isEmpty()) p.put("title", "Give the page a title.");
        else if (d.title().length() > 200) p.put("title", "Keep the title under 200 characters.");
        if (PlainText.hasControl(d.title())) p.put("title", "Remove the control character (such as NUL or a line break) from the title.");
        if (!Slugs.isValid(slug)) p.put("slug", "Use lowercase letters (any script), digits and single hyphens (for example corrections-policy).");
        else if (Slugs.RESERVED.contains(slug) || taxonomy.findSectionBySlug(slug).isPresent()) {
            p.put("slug", "The address /" + slug + "/ belongs to a section or to the site; choose another slug.");
        }
        if (d.bodyHtml().length() > 500_000) p.put("body_html", "The body is too long (over 500,000 characters).");
        if (PlainText.hasControlInText(d.bodyHtml())) p.put("body_html", "Remove the control character (such as NUL) from the body.");
        if (!d.language().isEmpty() && !Languages.isValid(d.language())) p.put("language", "Give the language as a BCP 47 tag such as en, ar or pt-BR.");
        return p;
    }

    public Result create(@Nullable Long userId, Draft d) {
        var slug = d.slug().isEmpty() ? Slugs.from(d.title()) : d.slug();
        var problems = problems(d, slug);
        if (!problems.isEmpty()) return new Result.Invalid(problems);
        long now = clock.millis();
        long id = db.transaction(h -> {
            if (store.slugTaken(h, slug, 0)) return -1L;
            return store.insert(h, slug, d.title(), BodySanitizer.sanitize(d.bodyHtml()), d.language(), userId, now);
        });
        if (id < 0) return new Result.Invalid(Map.of("slug", "Another page is at /" + slug + "/; choose another slug."));
        return new Result.Saved(store.find(id).orElseThrow());
    }

    public Result save(@Nullable Long userId, long id, int baseRevision, Draft d) {
        var current = store.find(id).orElseThrow(() -> new IllegalArgumentException("no page " + id));
        var slug = d.slug().isEmpty() ? current.slug() : d.slug();
        var problems = problems(d, slug);
        if (!problems.isEmpty()) return new Result.Invalid(problems);
        long now = clock.millis();
        int outcome = db.transaction(h -> {
            if (store.slugTaken(h, slug, id)) return 1;
            return store.update(h, id, baseRevision, slug, d.title(), BodySanitizer.sanitize(d.bodyHtml()), d.language(), userId, now) ? 0 : 2;
        });
        return switch (outcome) {
            case 0 -> new Result.Saved(store.find(id).orElseThrow());
            case 1 -> new Result.Invalid(Map.of("slug", "Another page is at /" + slug + "/; choose another slug."));
            default -> new Result.Conflict(store.find(id).orElseThrow());
        };
    }

    /** Takes the page down: its address answers 410 from now on. False when there was no such page. */
    public boolean delete(long id) { return store.delete(id, clock.millis()); }
}
