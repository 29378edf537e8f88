package org.masthead.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.article.Article;
import org.masthead.article.ArticleStatus;
import org.masthead.article.Seo;
import org.masthead.taxonomy.Author;
import org.masthead.taxonomy.Section;

/**
 * A generation written newest first, as every node writes it: a reader's search counts until its pages are certain (then
 * says "at least"), ranks as before, and "newest" reads the stories in index order; a rare word is counted exactly.
 */
class SearchIndexSortTest {
    static final long NOW = 1_800_000_000_000L;
    static final long DAY = 86_400_000L;

    static Article story(int i, String headline, String body, long published) {
        return new Article(i + 1, new Section(1, "news", "News"), "story-" + i, ArticleStatus.PUBLISHED, headline, "", "<p>" + body + "</p>", null, "",
            published, published, 1, 1L, List.of(new Author(1, "reporter", "Reporter")), List.of(), Article.Workflow.NONE, List.of(), "en", Seo.NONE);
    }

    @Test
    void a_common_word_is_counted_until_its_pages_are_certain_and_newest_first_is_index_order_issue_12(@TempDir Path root) throws Exception {
        try (var dir = FSDirectory.open(root.resolve("g1"));
             var w = new IndexWriter(dir, SearchIndex.writerConfig(SearchIndex.analyzer(), IndexWriterConfig.OpenMode.CREATE))) {
            for (int i = 0; i < 4_000; i++) {
                long published = NOW - (i * 7919L % 4_000) * DAY; // written in no particular order of date
                var body = "The ferry crossing story number " + i + (i % 500 == 0 ? ". A rare lighthouse keeper spoke." : ".");
                w.addDocument(SearchIndex.document(story(i, "Ferry news " + i, body, published), List.of(320)));
                if (i % 1_000 == 999) w.commit();
            }
            w.commit();
        }
        try (var index = SearchIndex.serving(root, "g1"); var dir = FSDirectory.open(root.resolve("g1"));
             var reader = org.apache.lucene.index.DirectoryReader.open(dir)) {
            assertThat(index.parse("spoke", true, reader)).as("no story holds another form: the word's own term query, which skips by impacts")
                .isEqualTo(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term("text", "spoke")));
            assertThat(index.parse("crossing", true, reader).toString()).as("the forms stories hold, and only those")
                .contains("text:crossing").contains("text:" + SearchIndex.STEM + "cross").doesNotContainPattern("text:cross[ )]");
            var common = index.search("ferry", SearchIndex.Filters.NONE, 1, NOW);
            assertThat(common.totalExact()).as("4,000 matches: counted until the top pages were certain").isFalse();
            assertThat(common.total()).isBetween(1_000L, 3_999L);
            assertThat(common.items()).hasSize(SearchIndex.PAGE_SIZE);
            assertThat(common.items().getFirst().publishedAt()).as("the newest story, its words as strong as any").isEqualTo(NOW);
            var last = index.search("ferry", SearchIndex.Filters.NONE, SearchIndex.MAX_PAGE, NOW);
            assertThat(last.items()).as("the deepest page a reader can reach is still full").hasSize(SearchIndex.PAGE_SIZE);

            assertThat(index.search("cross", SearchIndex.Filters.NONE, 1, NOW).items()).as("a word that is its own stem finds its other forms ('crossing')")
                .hasSize(SearchIndex.PAGE_SIZE);
            var rare = index.search("lighthouse", SearchIndex.Filters.NONE, 1, NOW);
            assertThat(rare.totalExact()).isTrue();
            assertThat(rare.total()).isEqualTo(8);

            assertThat(index.search("\"rare lighthouse keeper\"", SearchIndex.Filters.NONE, 1, NOW).total()).as("a phrase as written").isEqualTo(8);
            var otherForms = index.search("\"lighthouse keepers\"", SearchIndex.Filters.NONE, 1, NOW);
            assertThat(otherForms.total()).as("no story has the phrase as written: its words' other forms are searched").isEqualTo(8);
            assertThat(otherForms.items().getFirst().snippetHtml()).contains("<mark>lighthouse keeper</mark>");
            assertThat(index.search("\"keeper lighthouse\"", SearchIndex.Filters.NONE, 1, NOW).total()).as("still a phrase: its order counts").isZero();

            var newest = index.search("ferry", new SearchIndex.Filters(null, null, null, null, null, true), 1, NOW);
            assertThat(newest.items()).extracting(SearchIndex.Hit::publishedAt)
                .containsExactly(java.util.stream.LongStream.range(0, 10).map(d -> NOW - d * DAY).boxed().toArray(Long[]::new));
        }
    }
}
