package org.masthead.popularity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class BotFilterTest {
    private final BotFilter bots = BotFilter.load();

    @Test
    void every_sample_in_the_shipped_crawler_list_is_a_bot() throws Exception {
        var missed = new ArrayList<String>();
        int samples = 0;
        try (var in = getClass().getResourceAsStream("/popularity/crawler-user-agents.json")) {
            for (var entry : new ObjectMapper().readTree(in)) {
                for (var instance : entry.path("instances")) {
                    samples++;
                    if (!bots.isBot(instance.asText())) missed.add(instance.asText());
                }
            }
        }
        assertThat(samples).isGreaterThan(1000);
        assertThat(missed).isEmpty();
    }

    @Test
    void tools_empty_agents_headless_browsers_and_prefetches_are_not_readers() {
        assertThat(bots.isBot("curl/8.5.0")).isTrue();
        assertThat(bots.isBot("python-requests/2.32")).isTrue();
        assertThat(bots.isBot("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/156.0 Safari/537.36")).isTrue();
        assertThat(bots.isBot("")).isTrue();
        assertThat(bots.isBot(null)).isTrue();
        assertThat(bots.isPrefetch("prefetch;prerender")).isTrue();
        assertThat(bots.isPrefetch(null)).isFalse();
    }

    @Test
    void required_literals_are_what_every_match_must_contain() {
        assertThat(BotFilter.requiredLiteral("Googlebot\\/")).isEqualTo("Googlebot/");
        assertThat(BotFilter.requiredLiteral("Ahrefs(Bot|SiteAudit)")).isEqualTo("Ahrefs");
        assertThat(BotFilter.requiredLiteral("Chirp|gotosocial")).isEmpty();
        assertThat(BotFilter.requiredLiterals("Chirp|gotosocial")).containsExactly("chirp", "gotosocial");
        assertThat(BotFilter.requiredLiterals("Chirp|ab")).isEmpty();
        assertThat(BotFilter.requiredLiteral("[wW]get")).isEqualTo("get");
        assertThat(BotFilter.requiredLiteral("bingbot?x")).isEqualTo("bingbo");
        assertThat(BotFilter.requiredLiteral("^Mozilla\\/5\\.0 \\(compatible; Yeti")).isEqualTo("Mozilla/5.0 (compatible; Yeti");
    }

    @Test
    void browsers_are_readers() {
        assertThat(bots.isBot("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36")).isFalse();
        assertThat(bots.isBot("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1")).isFalse();
        assertThat(bots.isBot("Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0")).isFalse();
        assertThat(bots.isBot("Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36")).isFalse();
    }

    @Test
    void beacon_body_parsing_is_strict() {
        assertThat(ViewBeacon.idFrom("id=42")).isEqualTo(42);
        assertThat(ViewBeacon.idFrom("x=1&id=7")).isEqualTo(7);
        assertThat(ViewBeacon.idFrom("id=abc")).isZero();
        assertThat(ViewBeacon.idFrom(null)).isZero();
        assertThat(ViewBeacon.idFrom("id=" + "9".repeat(300))).isZero();
    }
}
