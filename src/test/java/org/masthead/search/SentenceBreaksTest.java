package org.masthead.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Snippet sentences in English, Arabic, Chinese and Japanese, and the iterator contract the highlighter relies on. */
class SentenceBreaksTest {
    static List<String> sentences(String text) {
        var it = new SentenceBreaks();
        it.setText(text);
        var out = new ArrayList<String>();
        for (int start = it.first(), end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) out.add(text.substring(start, end));
        return out;
    }

    @Test
    void sentences_end_at_stops_followed_by_a_space_in_latin_and_arabic_and_at_wide_stops_in_cjk_issue_12() {
        assertThat(sentences("U.S. officials met at 3.5 p.m. today. Then? \"Rain!\" Next\nline"))
            .containsExactly("U.S. officials met at 3.5 p.m. today. ", "Then? ", "\"Rain!\" ", "Next\n", "line");
        assertThat(sentences("هل وصل الوفد؟ نعم. وصل أمس")).containsExactly("هل وصل الوفد؟ ", "نعم. ", "وصل أمس");
        assertThat(sentences("台风登陆。学校停课！明天呢？")).containsExactly("台风登陆。", "学校停课！", "明天呢？");
        assertThat(sentences("")).isEmpty();
        assertThat(sentences("No stop at all")).containsExactly("No stop at all");
    }

    @Test
    void following_and_preceding_answer_as_the_jdk_iterators_do_issue_12() {
        var text = "One. Two. Three.";
        var ours = new SentenceBreaks();
        var jdk = BreakIterator.getSentenceInstance(java.util.Locale.ROOT);
        ours.setText(text);
        jdk.setText(text);
        for (int offset = 0; offset <= text.length(); offset++) {
            assertThat(ours.following(offset)).as("following " + offset).isEqualTo(jdk.following(offset));
            assertThat(ours.current()).isEqualTo(jdk.current());
            assertThat(ours.preceding(offset)).as("preceding " + offset).isEqualTo(jdk.preceding(offset));
            assertThat(ours.current()).isEqualTo(jdk.current());
            assertThat(ours.isBoundary(offset)).as("boundary " + offset).isEqualTo(jdk.isBoundary(offset));
        }
        assertThat(ours.last()).isEqualTo(text.length());
        assertThat(ours.next()).isEqualTo(BreakIterator.DONE);
        assertThat(ours.previous()).isEqualTo(10);
    }
}
