package org.masthead.article;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.media.Photo;
import org.masthead.taxonomy.Author;
import org.masthead.taxonomy.Section;
import org.masthead.taxonomy.Tag;

/**
 * An article with everything its page shows. Times are epoch milliseconds (UTC).
 * Its permalink is {@code /{section}/{slug}} (see docs/urls.md).
 */
public record Article(long id, Section section, String slug, ArticleStatus status, String headline, String dek,
                      String bodyHtml, @Nullable Photo leadPhoto, String dateline, @Nullable Long publishedAt,
                      long updatedAt, int revision, @Nullable Long createdBy, List<Author> authors, List<Tag> tags, Workflow workflow,
                      List<Correction> corrections, String language, Seo seo) {
    /** The newest correction, if the story has one (readers get a notice at the top). */
    public java.util.Optional<Correction> latestCorrection() {
        return corrections.stream().filter(c -> c.kind() == Correction.Kind.CORRECTION).reduce((x, y) -> y);
    }

    /**
     * Where the story is going: {@code publishAt} when scheduled, {@code embargoUntil} a time publishing may not beat,
     * the editor's note when sent back, the reason when killed, and how late the scheduler published it (null: on time).
     */
    public record Workflow(@Nullable Long publishAt, @Nullable Long embargoUntil, String reviewNote, String killReason,
                           @Nullable Long publishedLateMs) {
        public static final Workflow NONE = new Workflow(null, null, "", "", null);
    }

    /** The permalink as it goes on the wire (percent-encoded); also the page cache's key. */
    public String path() { return section.path() + org.masthead.taxonomy.Slugs.encode(slug); }

    /** The story's language, or {@code siteLanguage} when it has none of its own. */
    public String languageOr(String siteLanguage) { return language.isEmpty() ? siteLanguage : language; }

    public boolean isPublished() { return status == ArticleStatus.PUBLISHED; }

    /** Edited noticeably after it was first published. */
    public boolean wasUpdatedAfterPublishing() { return publishedAt != null && updatedAt - publishedAt > 60_000; }
}
