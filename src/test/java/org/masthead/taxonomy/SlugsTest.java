package org.masthead.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {
    @Test
    void makes_readable_ascii_slugs() {
        assertThat(Slugs.from("Café owners’ vote: “No” to 24/7 trading!")).isEqualTo("cafe-owners-vote-no-to-24-7-trading");
        assertThat(Slugs.from("Rock & roll")).isEqualTo("rock-and-roll");
        assertThat(Slugs.from("   ")).isEqualTo("item");
        assertThat(Slugs.from("Ελληνικά")).isEqualTo("item");
    }

    @Test
    void long_headlines_are_cut_at_a_word() {
        var slug = Slugs.from("word ".repeat(40));
        assertThat(slug.length()).isLessThanOrEqualTo(80);
        assertThat(slug).doesNotEndWith("-").matches(Slugs.VALID);
    }

    @Test
    void validates_slugs() {
        assertThat(Slugs.isValid("city-budget-vote")).isTrue();
        assertThat(Slugs.isValid("City")).isFalse();
        assertThat(Slugs.isValid("a--b")).isFalse();
        assertThat(Slugs.isValid("../etc")).isFalse();
    }
}
