package org.masthead.popularity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrendingTest {
    @Test
    void a_story_far_above_its_own_baseline_outscores_a_big_steady_one() {
        double spike = Trending.score(150, 24 * 100, 24);   // 100/h usually, 150 now
        double steady = Trending.score(1000, 24 * 1000, 24); // big but flat
        assertThat(spike).isGreaterThan(4.5);
        assertThat(steady).isNaN();
    }

    @Test
    void brand_new_stories_need_real_volume() {
        assertThat(Trending.score(4, 0, 0)).isNaN();                  // below the minimum
        assertThat(Trending.score(6, 0, 0)).isCloseTo(6 / Math.sqrt(5), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Trending.score(60, 0, 0)).isGreaterThan(Trending.score(6, 0, 0));
    }

    @Test
    void baseline_uses_only_the_hours_the_story_was_live() {
        // 30 views in the 2 hours it existed before this hour = 15/h; 30 now is a real rise.
        assertThat(Trending.score(30, 30, 2)).isCloseTo((30 - 15) / Math.sqrt(20), org.assertj.core.data.Offset.offset(1e-9));
        // Counted over 24 hours instead, the baseline would look tiny and the rise exaggerated.
        assertThat(Trending.score(30, 30, 2)).isLessThan(Trending.score(30, 30, 24));
    }
}
