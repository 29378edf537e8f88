package org.masthead.front;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.masthead.article.ArticleStore;
import org.masthead.article.ArticleSummary;
import org.masthead.db.Database;
import org.masthead.taxonomy.Section;
import org.masthead.taxonomy.TaxonomyStore;

/**
 * The home page and section fronts as editors program them. A front is a list of slots: the first
 * is the lead (shown with its photo), the next are the top slots. A slot holds a story until its
 * {@code pinnedUntil} (null: until an editor takes it off). What editors leave open fills with the
 * newest published stories; the lead fills only with a story that has a photo while one exists.
 */
public final class Fronts {
    /** The most slots a front holds. */
    public static final int MAX_SLOTS = 20;
    /** The home page's programmed part: the lead and six top stories (section blocks follow by recency). */
    public static final int HOME_SLOTS = 7;

    /** A story on a front, pinned until a time (epoch ms) or, with null, until an editor removes it. */
    public record Slot(long articleId, @Nullable Long pinnedUntil) {}

    /** The home page ({@code section} null, name "home") or a section's front (name: its slug). */
    public record Front(String name, @Nullable Section section) {
        String key() { return section == null ? "home" : "section:" + section.id(); }

        public String label() { return section == null ? "Home page" : section.name() + " front"; }

        public String readerPath() { return section == null ? "/" : section.path(); }

        @Nullable Long sectionId() { return section == null ? null : section.id(); }
    }

    public sealed interface Result {
        record Saved(List<Slot> slots) implements Result {}
        /** Field ("slots[2].article_id") → what is wrong; nothing was stored. */
        record Invalid(Map<String, String> problems) implements Result {}
    }

    private final FrontStore store;
    private final ArticleStore articles;
    private final TaxonomyStore taxonomy;
    private final Clock clock;
    private volatile Consumer<List<Long>> announce = ids -> {};

    public Fronts(Database db, ArticleStore articles, TaxonomyStore taxonomy, Clock clock) {
        this.store = new FrontStore(db);
        this.articles = articles;
        this.taxonomy = taxonomy;
        this.clock = clock;
    }

    /**
     * Who hears that fronts showing these stories changed (set by app: the article event, so every
     * node's page cache and the CDN drop the pages that show them).
     */
    public void onChange(Consumer<List<Long>> listener) { this.announce = listener; }

    /** "home" or a section's slug. */
    public Optional<Front> find(String name) {
        if (name.equals("home")) return Optional.of(new Front("home", null));
        return taxonomy.findSectionBySlug(name).map(s -> new Front(s.slug(), s));
    }

    /** The home page, then every section front. */
    public List<Front> list() {
        var all = new ArrayList<Front>();
        all.add(new Front("home", null));
        for (var s : taxonomy.listSections()) all.add(new Front(s.slug(), s));
        return all;
    }

    /** The front's programmed slots now (expired pins left out), in order. */
    public List<Slot> slots(Front front) {
        long now = clock.millis();
        return store.list(front.key()).stream().map(FrontStore.Placed::slot).filter(s -> s.pinnedUntil() == null || s.pinnedUntil() > now).toList();
    }

    /**
     * What readers see in the front's first {@code count} places: programmed stories that are still
     * published (and in the section) at their positions, the lead filled with the newest story that
     * has a photo, and every other open place with the newest stories not shown yet.
     */
    public List<ArticleSummary> resolve(Front front, int count) {
        long now = clock.millis();
        var placed = store.list(front.key()).stream()
            .filter(p -> p.position() < count && (p.slot().pinnedUntil() == null || p.slot().pinnedUntil() > now)).toList();
        var programmed = new LinkedHashMap<Long, ArticleSummary>();
        for (var a : articles.listPublishedByIds(placed.stream().map(p -> p.slot().articleId()).toList())) {
            if (front.section() == null || a.sectionSlug().equals(front.section().slug())) programmed.put(a.id(), a);
        }
        var places = new ArticleSummary[count];
        var used = new HashSet<Long>();
        for (var p : placed) {
            var a = programmed.get(p.slot().articleId());
            if (a != null && used.add(a.id())) places[p.position()] = a;
        }
        var pool = new ArrayList<>(articles.listPublished(front.sectionId(), count + placed.size(), 0));
        pool.removeIf(a -> used.contains(a.id()));
        if (count > 0 && places[0] == null) { // the lead is a photo slot: a photo-less story never takes it by itself
            var withPhoto = pool.stream().filter(a -> a.leadPhoto() != null).findFirst()
                .or(() -> articles.findNewestPublishedWithPhoto(front.sectionId(), used));
            withPhoto.ifPresent(a -> {
                places[0] = a;
                used.add(a.id());
            });
        }
        var rest = pool.stream().filter(a -> !used.contains(a.id())).iterator();
        for (int i = 0; i < count && rest.hasNext(); i++) if (places[i] == null) places[i] = rest.next();
        return Arrays.stream(places).filter(a -> a != null).toList();
    }

    /**
     * Programs a front: each slot a published story (in the section, for a section front), at most
     * {@link #MAX_SLOTS}, none twice, pinned until a future time or until removed. A refusal stores nothing.
     */
    public Result set(Front front, List<Slot> slots) {
        if (slots.size() > MAX_SLOTS) return new Result.Invalid(Map.of("slots", tooMany(slots.size()))); // before looking anything up
        var problems = new LinkedHashMap<String, String>();
        var found = new LinkedHashMap<Long, ArticleSummary>();
        articles.listPublishedByIds(slots.stream().map(Slot::articleId).distinct().toList()).forEach(a -> found.put(a.id(), a));
        var seen = new HashSet<Long>();
        long now = clock.millis();
        for (int i = 0; i < slots.size(); i++) {
            var s = slots.get(i);
            var a = found.get(s.articleId());
            var field = "slots[" + i + "]";
            if (a == null) problems.put(field + ".article_id", "Story " + s.articleId() + " is not published; only published stories go on a front.");
            else if (front.section() != null && !a.sectionSlug().equals(front.section().slug())) {
                problems.put(field + ".article_id", "“" + a.headline() + "” is in " + a.sectionName() + ", not " + front.section().name() + ".");
            } else if (!seen.add(s.articleId())) problems.put(field + ".article_id", "“" + a.headline() + "” is on this front twice.");
            if (s.pinnedUntil() != null && s.pinnedUntil() <= now) problems.put(field + ".pinned_until", "The pin of slot " + (i + 1) + " ends in the past; choose a later time or none.");
        }
        if (!problems.isEmpty()) return new Result.Invalid(problems);
        var before = store.list(front.key()).stream().map(p -> p.slot().articleId()).toList();
        store.replace(front.key(), slots);
        var touched = new LinkedHashSet<Long>(before);
        slots.forEach(s -> touched.add(s.articleId()));
        announce.accept(List.copyOf(touched));
        return new Result.Saved(List.copyOf(slots));
    }

    static String tooMany(int n) { return "A front holds at most " + MAX_SLOTS + " stories (this has " + n + ")."; }

    /** The expiry job's step: takes every pin that ran out off its front and announces the change. */
    public void expire() {
        long now = clock.millis();
        var expired = store.listExpired(now);
        if (expired.isEmpty()) return;
        store.deleteExpired(now);
        announce.accept(expired.stream().map(Map.Entry::getValue).distinct().toList());
    }
}
