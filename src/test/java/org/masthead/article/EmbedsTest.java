package org.masthead.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmbedsTest {
    @Test
    void recognises_the_addresses_journalists_paste_and_nothing_else_issue_10() {
        assertThat(Embeds.recognise("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42")).contains(new Embeds.Embed("youtube", "dQw4w9WgXcQ"));
        assertThat(Embeds.recognise("https://youtu.be/dQw4w9WgXcQ")).contains(new Embeds.Embed("youtube", "dQw4w9WgXcQ"));
        assertThat(Embeds.recognise("https://vimeo.com/76979871")).contains(new Embeds.Embed("vimeo", "76979871"));
        assertThat(Embeds.recognise("https://x.com/Reuters/status/1862345678901234567")).contains(new Embeds.Embed("x", "1862345678901234567"));
        assertThat(Embeds.recognise("https://twitter.com/Reuters/status/123?s=20")).contains(new Embeds.Embed("x", "123"));
        assertThat(Embeds.recognise("https://www.instagram.com/p/C1a2B3c4D5e/")).contains(new Embeds.Embed("instagram", "C1a2B3c4D5e"));
        for (var bad : new String[] {"https://evil.example/watch?v=dQw4w9WgXcQ", "javascript:alert(1)", "https://www.youtube.com.evil.example/watch?v=abcdefg",
            "https://vimeo.com/12\"><script>", "", "https://x.com/a/status/1/../../x"}) {
            assertThat(Embeds.recognise(bad)).as(bad).isEmpty();
        }
        assertThat(new Embeds.Embed("youtube", "dQw4w9WgXcQ").frameUrl()).startsWith("https://www.youtube-nocookie.com/embed/");
    }

    @Test
    void the_sanitizer_keeps_an_embed_only_with_a_known_provider_and_a_plain_id_issue_10() {
        var ok = "<figure class=\"embed\" data-provider=\"vimeo\" data-embed-id=\"76979871\"><a href=\"https://vimeo.com/76979871\" rel=\"noopener noreferrer\">Video on Vimeo</a></figure>";
        assertThat(BodySanitizer.sanitize(ok)).contains("data-provider=\"vimeo\"").contains("data-embed-id=\"76979871\"");
        var bad = BodySanitizer.sanitize("<figure class=\"embed\" data-provider=\"evil\" data-embed-id=\"x y\"><iframe src=\"https://evil.example\"></iframe></figure>");
        assertThat(bad).doesNotContain("evil").doesNotContain("iframe").doesNotContain("data-embed-id");
    }
}
