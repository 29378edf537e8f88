package org.masthead.article;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.taxonomy.Slugs;

/**
 * The one article event: emitted after a save, publish, unpublish or photo change commits, on the
 * node where it happened, and delivered to every other node through the change log
 * ({@link ChangeFollower}), so every cache, index and rail hears of each change exactly once.
 * {@code before} and {@code after} are what readers could see (null when it was not published
 * then): everything a listener needs to drop exactly the pages that show the story. {@code action}
 * is "save" or a {@link Transition}'s slug ("publish", "kill", …).
 */
public record ArticleChanged(long articleId, @Nullable Visible before, @Nullable Visible after, @Nullable String action) {
    /** A save (or a photo change): {@code action} "save". */
    public ArticleChanged(long articleId, @Nullable Visible before, @Nullable Visible after) { this(articleId, before, after, "save"); }

    /** A story as readers saw it: its address, section, bylines, tags and lead photo. */
    public record Visible(long id, long sectionId, String sectionSlug, String slug, String headline, @Nullable Long publishedAt,
                          long updatedAt, @Nullable Long leadMediaId, List<String> tagSlugs, List<String> authorSlugs) {
        public Visible {
            tagSlugs = List.copyOf(tagSlugs);
            authorSlugs = List.copyOf(authorSlugs);
        }

        /** The permalink as it goes on the wire. */
        public String path() { return "/" + Slugs.encode(sectionSlug) + "/" + Slugs.encode(slug); }

        static @Nullable Visible of(Article a) {
            if (!a.isPublished()) return null;
            return new Visible(a.id(), a.section().id(), a.section().slug(), a.slug(), a.headline(), a.publishedAt(), a.updatedAt(),
                a.leadPhoto() == null ? null : a.leadPhoto().id(), a.tags().stream().map(t -> t.slug()).toList(),
                a.authors().stream().map(au -> au.slug()).toList());
        }
    }

    /**
     * A library photo's words changed, or a photo was added: not a story (its id is the photo's, negated, so it can never be
     * taken for one), nothing readers see by itself; it rides the change log so every node's search index hears it.
     */
    public static ArticleChanged photo(long mediaId) { return new ArticleChanged(-mediaId, null, null, PHOTO); }

    static final String PHOTO = "photo";

    /** The library photo this event is about, or null for a story's event. */
    public @Nullable Long photoId() { return PHOTO.equals(action) && articleId < 0 ? -articleId : null; }

    /** The states that may be cached somewhere: before and after, whichever exist. */
    public List<Visible> seen() {
        if (before == null) return after == null ? List.of() : List.of(after);
        return after == null ? List.of(before) : List.of(before, after);
    }
}
