package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The reader site's words: Arabic has every English key, plurals follow each language's rules, other languages read English. */
class ReaderTextTest {
    @Test
    void arabic_has_every_english_key_and_its_six_plural_forms_issue_12() {
        assertThat(ReaderText.keys("ar")).containsAll(ReaderText.keys());
        var ar = ReaderText.of("ar-EG");
        assertThat(ar.language()).isEqualTo("ar");
        assertThat(ar.t("year.count", 0)).isEqualTo("لا قصص");
        assertThat(ar.t("year.count", 1)).isEqualTo("قصة واحدة");
        assertThat(ar.t("year.count", 2)).isEqualTo("قصتان");
        assertThat(ar.t("year.count", 3)).isEqualTo("3 قصص");
        assertThat(ar.t("year.count", 11)).as("many: the singular").isEqualTo("11 قصة");
        assertThat(ar.t("year.count", 1234)).as("Western digits, grouped").isEqualTo("1,234 قصة");
        assertThat(ar.t("article.reading", 2)).isEqualTo("دقيقتا قراءة");
    }

    @Test
    void english_counts_and_apostrophes_and_a_language_without_a_file_reads_english_issue_12() {
        var en = ReaderText.of("en-GB");
        assertThat(en.t("year.count", 1)).isEqualTo("1 story");
        assertThat(en.t("year.count", 1234)).isEqualTo("1,234 stories");
        assertThat(en.t("search.count.at-least", 1000)).isEqualTo("At least 1,000 stories for “");
        assertThat(en.t("search.busy.message")).contains("section's page");
        assertThat(en.t("search.unreadable.date", "{from} isn't")).as("an argument is never read as a pattern")
            .isEqualTo("Dates are written YYYY-MM-DD, not “{from} isn't”.");
        var fr = ReaderText.of("fr");
        assertThat(fr.language()).isEqualTo("en");
        assertThat(fr.t("rail.popular")).isEqualTo("Most Popular");
        assertThat(ReaderText.of("").t("rail.popular")).isEqualTo("Most Popular");
        assertThatThrownBy(() -> en.t("no.such.key")).isInstanceOf(IllegalArgumentException.class);
    }
}
