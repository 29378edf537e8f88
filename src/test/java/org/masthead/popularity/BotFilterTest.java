package org.masthead.popularity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BotFilterTest {
    private final BotFilter bots = new BotFilter();

    @Test
    void crawlers_tools_empty_agents_and_prefetches_are_bots() {
        assertThat(bots.isBot("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", null)).isTrue();
        assertThat(bots.isBot("curl/8.5.0", null)).isTrue();
        assertThat(bots.isBot("Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/156.0", null)).isTrue();
        assertThat(bots.isBot("", null)).isTrue();
        assertThat(bots.isBot(null, null)).isTrue();
        assertThat(bots.isBot("Mozilla/5.0 (Windows NT 10.0) Chrome/156.0 Safari/537.36", "prefetch;prerender")).isTrue();
    }

    @Test
    void browsers_are_people() {
        assertThat(bots.isBot("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36", null)).isFalse();
        assertThat(bots.isBot("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Version/18.0 Mobile/15E148 Safari/604.1", null)).isFalse();
    }

    @Test
    void beacon_body_parsing_is_strict() {
        assertThat(BeaconRoutes.idFrom("id=42")).isEqualTo(42);
        assertThat(BeaconRoutes.idFrom("x=1&id=7")).isEqualTo(7);
        assertThat(BeaconRoutes.idFrom("id=abc")).isZero();
        assertThat(BeaconRoutes.idFrom(null)).isZero();
        assertThat(BeaconRoutes.idFrom("id=" + "9".repeat(300))).isZero();
    }
}
