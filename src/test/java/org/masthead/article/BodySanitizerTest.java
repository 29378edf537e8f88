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

    @Test
    void keeps_inline_photos_and_galleries_with_their_own_captions_issue_10() {
        var sha = "b".repeat(64);
        var one = "<figure class=\"inline-photo\" data-media-id=\"12\"><img src=\"/media/r/" + sha + "/w640.jpg\" alt=\"A crane\" width=\"400\" height=\"300\" />"
            + "<figcaption><span class=\"caption\">Our caption.</span> <span class=\"credit\">MASTHEAD/Jo</span></figcaption></figure>";
        var gallery = "<div class=\"gallery\">" + one + one.replace("12", "13") + "</div><p>After.</p>";
        var out = BodySanitizer.sanitize(gallery);
        assertThat(out).startsWith("<div class=\"gallery\"><figure class=\"inline-photo\" data-media-id=\"12\">")
            .contains("data-media-id=\"13\"").contains("<span class=\"caption\">Our caption.</span> <span class=\"credit\">MASTHEAD/Jo</span>")
            .endsWith("</figure></div><p>After.</p>");
        assertThat(BodySanitizer.sanitize("<figure class=\"evil\" data-media-id=\"x1\"><span class=\"big\">t</span></figure>"))
            .doesNotContain("evil").doesNotContain("x1").doesNotContain("big");
    }

    @Test
    void keeps_rules_and_plain_tables_issue_10() {
        var html = "<hr /><table><thead><tr><th scope=\"col\">Party</th><th scope=\"col\">Seats</th></tr></thead>"
            + "<tbody><tr><td>Green</td><td colspan=\"2\">12</td></tr></tbody></table>";
        assertThat(BodySanitizer.sanitize(html)).isEqualTo(html);
        assertThat(BodySanitizer.sanitize("<table style=\"width:900px\" border=\"1\"><tr><td style=\"color:red\">x</td></tr></table>"))
            .doesNotContain("style").doesNotContain("border").contains("<td>x</td>");
    }

    @Test
    void paste_from_word_and_google_docs_is_cleaned_to_plain_paragraphs_issue_10() {
        var word = "<p class=\"MsoNormal\" style=\"margin-bottom:0cm;mso-line-height-rule:exactly\"><span lang=\"EN-GB\" style=\"font-size:12.0pt;"
            + "font-family:&quot;Calibri&quot;\">The council met <b>on Tuesday</b>.<o:p></o:p></span></p><!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->";
        assertThat(BodySanitizer.sanitize(word)).isEqualTo("<p>The council met <b>on Tuesday</b>.</p>");
        var docs = "<meta charset=\"utf-8\"><b style=\"font-weight:normal;\" id=\"docs-internal-guid-1234\"><p dir=\"ltr\" style=\"line-height:1.38\">"
            + "<span style=\"font-size:11pt;font-family:Arial;color:#000000;font-weight:700\">Flood plan</span><span style=\"font-size:11pt\"> approved.</span></p></b>";
        assertThat(BodySanitizer.sanitize(docs)).isEqualTo("<p>Flood plan approved.</p>");
        assertThat(BodySanitizer.sanitize("<div style=\"x\" class=\"Mso\"><p>Kept</p></div>")).isEqualTo("<div><p>Kept</p></div>");
    }
}
