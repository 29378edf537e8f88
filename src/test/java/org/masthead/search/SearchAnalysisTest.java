package org.masthead.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

/** The text field's one-pass analysis: words as written, stems marked apart at the same position, by the story's language. */
class SearchAnalysisTest {
    /** Tokens, each written "+term" when it starts a position and "=term" when it shares the one before; a stem's mark as "~". */
    static List<String> tokens(Analyzer analyzer, String text) throws Exception {
        var out = new ArrayList<String>();
        try (var ts = analyzer.tokenStream("text", text)) {
            var term = ts.addAttribute(CharTermAttribute.class);
            var inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add((inc.getPositionIncrement() == 0 ? "=" : "+") + term.toString().replace(SearchIndex.STEM, '~'));
            ts.end();
        }
        return out;
    }

    @Test
    void an_english_story_keeps_each_word_and_adds_its_marked_stem_only_where_it_differs_issue_12() throws Exception {
        assertThat(tokens(SearchIndex.textAnalyzer("en"), "Hospitals flood; the council's Café"))
            .containsExactly("+hospitals", "=~hospit", "+flood", "+the", "+council", "+cafe")
            .as("a stem equal to its word is not repeated").doesNotContain("=~flood");
    }

    @Test
    void a_query_word_finds_every_form_through_the_marked_stem_and_the_stem_written_as_a_word_issue_12() throws Exception {
        assertThat(tokens(SearchIndex.analyzer(), "floods")).containsExactly("+floods", "=flood", "=~flood");
        assertThat(tokens(SearchIndex.analyzer(), "flood")).as("a word that is its own stem still finds 'flooded'").containsExactly("+flood", "=~flood");
    }

    @Test
    void arabic_is_normalized_then_stemmed_and_other_languages_are_folded_without_english_stems_issue_12() throws Exception {
        var arabic = tokens(SearchIndex.textAnalyzer("ar"), "المدرسة أحمد ٢٠٢٦");
        assertThat(arabic).as("taa marbuta and hamza normalized, the article stripped in the stem, Arabic-Indic digits read as digits")
            .containsExactly("+المدرسه", "=~مدرس", "+احمد", "+2026");
        assertThat(tokens(SearchIndex.textAnalyzer("fr"), "Élections municipales")).containsExactly("+elections", "+municipales");
        assertThat(tokens(SearchIndex.analyzer(), "المدرسة")).as("an Arabic query reaches the Arabic stem").contains("=~مدرس");
        assertThat(tokens(SearchIndex.textAnalyzer("*"), "طلاب المدرسة Floods")).as("a photo's words, language unknown: both stemmers")
            .containsExactly("+طلاب", "+المدرسه", "=~مدرس", "+floods", "=~flood");
    }

    @Test
    void a_quoted_phrase_is_the_words_as_written_folded_one_term_a_position_and_a_plain_word_keeps_its_stems_issue_12() {
        var index = new SearchIndex(java.nio.file.Path.of("unused"), null);
        assertThat(index.parse("\"Council's FLOODS\"")).isInstanceOf(org.apache.lucene.search.PhraseQuery.class).hasToString("text:\"council floods\"");
        assertThat(index.parse("\"المدرسة أحمد\"")).hasToString("text:\"المدرسه احمد\"");
        assertThat(index.parse("floods").toString()).contains("text:floods").contains("text:flood").contains("text:" + SearchIndex.STEM + "flood");
    }
}
