package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 12: dark mode keeps AA contrast, whatever accent the site chose. */
class ContrastTest {
    @Test
    void the_wcag_ratio_matches_known_pairs_and_a_dark_accent_reaches_aa() {
        assertThat(Contrast.ratio("#000000", "#ffffff")).isCloseTo(21.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(Contrast.ratio("#777777", "#ffffff")).isCloseTo(4.48, org.assertj.core.data.Offset.offset(0.01));
        for (var accent : new String[] {"#a3141c", "#0b57d0", "#000000", "#1d3557", "#ffcc00"}) {
            var dark = Contrast.lightenedFor(accent, Contrast.DARK_GROUND);
            assertThat(Contrast.ratio(dark, Contrast.DARK_GROUND)).as(accent + " → " + dark).isGreaterThanOrEqualTo(4.5);
        }
        assertThat(Contrast.lightenedFor("#ffcc00", Contrast.DARK_GROUND)).as("light enough already: kept").isEqualTo("#ffcc00");
        // site.css's dark pairs
        assertThat(Contrast.ratio("#e8e6e3", "#121212")).isGreaterThanOrEqualTo(4.5);
        assertThat(Contrast.ratio("#b9b5ae", "#1f1e1c")).isGreaterThanOrEqualTo(4.5);
        assertThat(Contrast.ratio("#fff6c2", "#4a3f00")).isGreaterThanOrEqualTo(4.5);
        assertThat(Contrast.ratio("#ffffff", "#6b5900")).isGreaterThanOrEqualTo(4.5);
    }
}
