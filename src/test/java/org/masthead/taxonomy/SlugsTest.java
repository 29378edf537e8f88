package org.masthead.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {
    @Test
    void makes_readable_ascii_slugs() {
        assertThat(Slugs.from("Café owners’ vote: “No” to 24/7 trading!")).isEqualTo("cafe-owners-vote-no-to-24-7-trading");
        assertThat(Slugs.from("Rock & roll")).isEqualTo("rock-and-roll");
        assertThat(Slugs.from("   ")).isEqualTo("item");
        assertThat(Slugs.from("🎉 !!")).isEqualTo("item");
    }

    @Test
    void keeps_every_other_script_as_written_issue_8() {
        assertThat(Slugs.from("Ελληνικά Νέα")).isEqualTo("ελληνικά-νέα");
        assertThat(Slugs.from("مجلس المدينة، 2027")).isEqualTo("مجلس-المدينة-2027");
        assertThat(Slugs.from("דוד לוי")).isEqualTo("דוד-לוי");
        assertThat(Slugs.from("Анна Иванова")).isEqualTo("анна-иванова");
        assertThat(Slugs.from("王小明")).isEqualTo("王小明");
        assertThat(Slugs.from("प्रिया शर्मा")).isEqualTo("प्रिया-शर्मा"); // vowel signs and virama are kept
        assertThat(Slugs.from("İstanbul Straße")).isEqualTo("istanbul-straße");
        assertThat(Slugs.from("e\u0301cole")).isEqualTo("ecole"); // decomposed input
        assertThat(Slugs.from("می\u200cخواهم")).isEqualTo("میخواهم"); // a zero-width non-joiner is not a word break
        for (var s : new String[] {"ελληνικά-νέα", "مجلس-المدينة-2027", "王小明", "प्रिया-शर्मा"}) assertThat(Slugs.isValid(s)).as(s).isTrue();
        assertThat(Slugs.isValid("Ελληνικά")).isFalse(); // has case: must be lower
        assertThat(Slugs.isValid("e\u0301cole")).isFalse(); // not NFC
    }

    @Test
    void encodes_for_the_wire_with_upper_case_hex() {
        assertThat(Slugs.encode("王小明")).isEqualTo("%E7%8E%8B%E5%B0%8F%E6%98%8E");
        assertThat(Slugs.encode("city-vote")).isEqualTo("city-vote");
        assertThat(Slugs.encode("/evil")).isEqualTo("%2Fevil");
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
