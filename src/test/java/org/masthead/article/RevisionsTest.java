package org.masthead.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 9: the word diff compares words, not HTML tags. */
class RevisionsTest {
    @Test
    void diffs_words_and_ignores_the_markup_around_them_issue_9() {
        var before = Revisions.text("bodyHtml", "<p>The council <b>approved</b> the flood plan on Monday.</p>");
        var after = Revisions.text("bodyHtml", "<p>The council approved the <em>revised</em> flood plan on Tuesday.</p>");
        var pieces = Revisions.words(before, after);
        assertThat(pieces).extracting(Revisions.Piece::op).containsExactly("equal", "insert", "equal", "delete", "insert");
        assertThat(pieces.get(1).text()).isEqualTo("revised");
        assertThat(pieces.get(3).text()).isEqualTo("Monday.");
        assertThat(pieces.get(4).text()).isEqualTo("Tuesday.");
        assertThat(Revisions.words("same words", "same words")).extracting(Revisions.Piece::op).containsExactly("equal");
        assertThat(Revisions.words("", "new")).extracting(Revisions.Piece::op).containsExactly("insert");
    }

    @Test
    void arabic_text_diffs_by_word_too_issue_9() {
        var pieces = Revisions.words("صوّت المجلس على الخطة", "صوّت المجلس ضد الخطة");
        assertThat(pieces).extracting(Revisions.Piece::text).containsExactly("صوّت المجلس", "على", "ضد", "الخطة");
    }
}
