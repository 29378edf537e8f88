package org.masthead.popularity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublishedArticlesTest {
    @Test
    void keeps_section_and_publication_second_per_article_and_forgets_on_remove() {
        var p = new PublishedArticles();
        p.put(7, 3, 1_764_000_000_123L);
        assertThat(p.contains(7)).isTrue();
        assertThat(p.get(7)).isEqualTo(new PublishedArticles.Live(3, 1_764_000_000_000L));
        assertThat(p.contains(8)).isFalse();
        assertThat(p.get(8)).isNull();
        p.remove(7);
        assertThat(p.contains(7)).isFalse();
        p.put(9, 1, 0);                       // published at the epoch is still published
        assertThat(p.contains(9)).isTrue();
    }

    @Test
    void grows_for_dense_ids_and_falls_back_to_a_map_beyond() {
        var p = new PublishedArticles();
        for (long id = 1; id <= 100_000; id++) p.put(id, id % 7, id * 1000);
        assertThat(p.get(99_999)).isEqualTo(new PublishedArticles.Live(99_999 % 7, 99_999_000L));
        p.put(PublishedArticles.MAX_DENSE_ID + 5L, 2, 5000);
        p.put(11, 5_000_000, 5000);          // a section id too large for the packed form
        assertThat(p.get(PublishedArticles.MAX_DENSE_ID + 5L)).isEqualTo(new PublishedArticles.Live(2, 5000));
        assertThat(p.get(11)).isEqualTo(new PublishedArticles.Live(5_000_000, 5000));
        p.remove(11);
        assertThat(p.contains(11)).isFalse();
    }
}
