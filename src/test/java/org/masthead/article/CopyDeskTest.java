package org.masthead.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.masthead.media.Photo;
import org.masthead.taxonomy.Section;

/** Issue 9: each copy-desk rule, on its own. */
class CopyDeskTest {
    static final long DAY = 86_400_000L;
    static final Clock NOW = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);
    final CopyDesk desk = new CopyDesk(null, NOW, "https://news.example"); // no store: these bodies link nowhere of ours

    static Article article(String headline, String dek, String body, Photo photo, Long publishedAt, long updatedAt) {
        return new Article(1, new Section(1, "news", "News"), "s", ArticleStatus.PUBLISHED, headline, dek, body, photo, "", publishedAt, updatedAt, 1,
            null, List.of(), List.of(), Article.Workflow.NONE, List.of(), "", Seo.NONE);
    }

    List<CopyDesk.Finding> check(String headline, String body) {
        return desk.all(article(headline, "", body, null, NOW.millis(), NOW.millis()));
    }

    static List<String> rules(List<CopyDesk.Finding> f) { return f.stream().map(CopyDesk.Finding::rule).toList(); }

    @Test
    void a_hyphen_then_a_space_inside_a_name_is_flagged_but_a_dash_is_not() {
        var found = new ArrayList<CopyDesk.Finding>();
        CopyDesk.brokenHyphens("body", "Secretary-General Ban Ki- moon met Ahmed al- Saleh.", found);
        assertThat(found).hasSize(2).allMatch(f -> f.rule().equals("broken-hyphen"));
        assertThat(found.get(0).excerpt()).contains("Ki- moon");
        found.clear();
        CopyDesk.brokenHyphens("body", "The vote - the first in years - passed; well-known; 2016- 2017", found);
        assertThat(found).isEmpty();
    }

    @Test
    void doubled_words_are_flagged_in_any_script_and_case() {
        var found = new ArrayList<CopyDesk.Finding>();
        CopyDesk.doubledWords("body", "The the council met in in the hall. صوّت صوّت المجلس.", found);
        assertThat(found).extracting(CopyDesk.Finding::excerpt).containsExactly("The the", "in in", "صوّت صوّت");
        found.clear();
        CopyDesk.doubledWords("body", "He had had enough; that that is.", found);
        assertThat(found).hasSize(2); // the rule flags them; an editor dismisses a real one with a reason
        found.clear();
        CopyDesk.doubledWords("body", "Bora Bora is an island.", found);
        assertThat(found).hasSize(1);
    }

    @Test
    void unbalanced_quotes_and_brackets_are_flagged() {
        var found = new ArrayList<CopyDesk.Finding>();
        CopyDesk.unbalanced("body", "He said (quietly that “it was over.", found);
        assertThat(found).extracting(CopyDesk.Finding::message).anyMatch(m -> m.contains("1 ( but 0 )")).anyMatch(m -> m.contains("1 “ but 0 ”"));
        found.clear();
        CopyDesk.unbalanced("body", "It's the council's plan (and “theirs”), [sic] she said \"no\".", found);
        assertThat(found).isEmpty();
        CopyDesk.unbalanced("body", "An \"odd quote.", found);
        assertThat(found).hasSize(1);
    }

    @Test
    void a_lead_photo_without_alt_text_or_credit_is_flagged() {
        var photo = new Photo(1, "a", "image/jpeg", 10, 10, "Caption", "", "", "", "", "", .5, .5);
        assertThat(rules(desk.all(article("Fine headline", "", "", photo, NOW.millis(), NOW.millis())))).contains("photo-alt", "photo-credit");
        var ok = new Photo(1, "a", "image/jpeg", 10, 10, "Caption", "REUTERS", "", "", "Alt", "", .5, .5);
        assertThat(rules(desk.all(article("Fine headline", "", "", ok, NOW.millis(), NOW.millis())))).doesNotContain("photo-alt", "photo-credit");
    }

    @Test
    void long_headlines_and_deks_and_all_caps_headlines_are_flagged() {
        assertThat(rules(check("x".repeat(111), ""))).contains("headline-length");
        assertThat(rules(check("x".repeat(110), ""))).doesNotContain("headline-length");
        assertThat(rules(desk.all(article("Fine", "d".repeat(161), "", null, NOW.millis(), NOW.millis())))).contains("dek-length");
        assertThat(rules(check("COUNCIL APPROVES FLOOD PLAN", ""))).contains("headline-caps");
        assertThat(rules(check("NHS and BBC in talks", ""))).doesNotContain("headline-caps");
        assertThat(rules(check("مجلس المدينة يقر خطة الفيضانات", ""))).doesNotContain("headline-caps"); // no case: never "capitals"
    }

    @Test
    void relative_time_words_are_flagged_only_in_a_story_that_has_aged() {
        var body = "<p>Prices have risen in the last four years, the mayor said yesterday.</p>";
        var fresh = desk.all(article("Prices", "", body, null, NOW.millis() - 2 * DAY, NOW.millis()));
        assertThat(rules(fresh)).doesNotContain("relative-time");
        var old = desk.all(article("Prices", "", body, null, NOW.millis() - 9 * 365 * DAY, NOW.millis()));
        assertThat(old.stream().filter(f -> f.rule().equals("relative-time"))).extracting(CopyDesk.Finding::message)
            .anyMatch(m -> m.contains("in the last four years")).anyMatch(m -> m.contains("yesterday"));
    }

    @Test
    void links_elsewhere_are_not_checked_against_our_stories() {
        assertThat(rules(check("Fine headline", "<p><a href=\"https://elsewhere.example/news/x\">x</a> <a href=\"/media/a.jpg\">photo</a></p>")))
            .doesNotContain("dead-link");
    }
}
