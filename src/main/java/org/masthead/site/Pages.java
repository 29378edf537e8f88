package org.masthead.site;

import java.util.List;
import org.masthead.article.Article;
import org.masthead.article.ArticleSummary;
import org.masthead.taxonomy.Section;

/** The models of the reader templates (src/main/jte/site). */
public final class Pages {
    private Pages() {}

    public record SectionBlock(Section section, List<ArticleSummary> articles) {}

    public record Home(SiteChrome chrome, ArticleSummary lead, List<ArticleSummary> latest, List<SectionBlock> sections,
                       List<ArticleSummary> popular) {}

    public record Front(SiteChrome chrome, Section section, List<ArticleSummary> articles, int page, boolean hasNext,
                        List<ArticleSummary> popular) {}

    /** {@code ageLabel}: "This article is more than 9 years old", or empty for a recent story. */
    /** {@code body}: the story's body as readers get it (its photos with their renditions). */
    /** {@code related}: stories most like this one (search's similarity with recency); {@code moreFromSection}: the section's newest others. */
    public record ArticleView(SiteChrome chrome, Article article, List<ArticleSummary> popular, String ageLabel, String preview, String body,
                              List<ArticleSummary> related, List<ArticleSummary> moreFromSection) {
        public ArticleView(SiteChrome chrome, Article article, List<ArticleSummary> popular, String ageLabel, String preview, String body) {
            this(chrome, article, popular, ageLabel, preview, body, List.of(), List.of());
        }
    }

    /** A tag's or an author's page: their newest stories. */
    /** {@code profile} and {@code photo}: an author's, on an author page (null on a tag page). */
    /** A tag's, an author's or a date's stories, one page of them: {@code path} is the page's address without "?page=". */
    public record Listing(SiteChrome chrome, String heading, List<ArticleSummary> articles, List<ArticleSummary> popular,
                          org.masthead.taxonomy.@org.jspecify.annotations.Nullable AuthorProfile profile,
                          org.masthead.media.@org.jspecify.annotations.Nullable Photo photo, String path, int page, boolean hasNext) {}

    /** A year's archive: its months that have stories, newest first, with how many. */
    public record YearArchive(SiteChrome chrome, int year, List<MonthCount> months, List<Integer> years, List<ArticleSummary> popular) {}

    /** {@code path}: the month's archive, /2016/09/. */
    public record MonthCount(String path, String name, int stories) {}

    /** The site-wide corrections page: the newest notes, each with its story. */
    public record Corrections(SiteChrome chrome, List<org.masthead.article.ArticleStore.CorrectionOn> items, List<ArticleSummary> popular) {}

    public record Error(SiteChrome chrome, int status, String heading, String message) {}

    public record Search(SiteChrome chrome, String query, org.masthead.search.SearchIndex.Results results, List<org.masthead.taxonomy.Section> sections,
                         org.masthead.search.SearchIndex.Filters filters, String previous, String next,
                         String suggestionUrl, String unfilteredUrl, String from, String to, List<ArticleSummary> popular, String problem) {}

    /** A static page (About, Contact): {@code lang} and {@code dir} where its language differs from the site's, else null. */
    public record Static(SiteChrome chrome, String title, String body, @org.jspecify.annotations.Nullable String lang,
                         @org.jspecify.annotations.Nullable String dir, List<ArticleSummary> popular) {}
}
