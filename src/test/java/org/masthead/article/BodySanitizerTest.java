package org.masthead.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodySanitizerTest {
    @Test
    void keeps_article_markup() {
        var html = "<p>Para <strong>b</strong> <em>i</em></p><h2>H2</h2><h3>H3</h3><h4>H4</h4><blockquote><p>Q</p></blockquote>"
            + "<ul><li>a</li></ul><ol><li>b</li></ol>";
        assertThat(BodySanitizer.sanitize(html)).isEqualTo(html);
    }

    @Test
    void drops_scripts_handlers_styles_and_foreign_images() {
        var out = BodySanitizer.sanitize("<p style=\"color:red\" onclick=\"x()\">a</p><script>alert(1)</script>"
            + "<img src=\"https://evil.example/p.png\" onerror=\"x()\"><iframe src=\"x\"></iframe><h1>Big</h1><svg onload=x()></svg>");
        assertThat(out).doesNotContain("script", "onclick", "style", "evil", "onerror", "iframe", "<h1", "svg", "alert");
        assertThat(out).contains("<p>a</p>").contains("Big");
    }

    @Test
    void keeps_our_own_photos_in_figures() {
        var sha = "a".repeat(64);
        var html = "<figure><img src=\"/media/" + sha + ".jpg\" alt=\"A pier\" width=\"640\" height=\"360\" /><figcaption>Pier. MASTHEAD/Jo</figcaption></figure>";
        var out = BodySanitizer.sanitize(html);
        assertThat(out).contains("src=\"/media/" + sha + ".jpg\"").contains("alt=\"A pier\"").contains("<figcaption>Pier. MASTHEAD/Jo</figcaption>");
    }

    @Test
    void keeps_our_renditions_and_drops_lookalike_paths() {
        var sha = "b".repeat(64);
        assertThat(BodySanitizer.sanitize("<img src=\"/media/r/" + sha + "/w960.jpg\" alt=\"x\">")).contains("/media/r/" + sha + "/w960.jpg");
        assertThat(BodySanitizer.sanitize("<img src=\"/media/r/" + sha + "/../../etc/passwd\" alt=\"x\">")).doesNotContain("src=");
        assertThat(BodySanitizer.sanitize("<img src=\"/media/" + sha + ".svg\" alt=\"x\">")).doesNotContain("src=");
    }

    @Test
    void links_keep_safe_protocols_only_and_get_rel() {
        var out = BodySanitizer.sanitize("<a href=\"javascript:alert(1)\">x</a><a href=\"https://example.org/a\">y</a>");
        assertThat(out).doesNotContain("javascript").contains("href=\"https://example.org/a\"").contains("noopener").contains("noreferrer");
    }
}
