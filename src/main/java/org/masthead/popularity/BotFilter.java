package org.masthead.popularity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Non-human traffic: no User-Agent, prefetch/prerender requests, and User-Agents matching the
 * crawler-user-agents list (resources/popularity, MIT, see its README) or a few extra patterns for
 * HTTP libraries and headless browsers that list leaves out. Verdicts are cached per User-Agent.
 */
public final class BotFilter {
    private static final String EXTRA = "headlesschrome|phantomjs|python-requests|python-urllib|go-http-client|okhttp|axios|node-fetch"
        + "|libwww|curl/|wget/|java/|apache-httpclient|httpclient|lighthouse|pingdom|uptime|scrapy|preview";
    private final Pattern pattern;
    private final Cache<String, Boolean> verdicts = Caffeine.newBuilder().maximumSize(20_000).build();

    private BotFilter(Pattern pattern) { this.pattern = pattern; }

    /** Loads the shipped crawler list. */
    public static BotFilter load() {
        try (var in = BotFilter.class.getResourceAsStream("/popularity/crawler-user-agents.json")) {
            if (in == null) throw new IllegalStateException("crawler-user-agents.json is missing from the jar");
            var patterns = new ArrayList<String>();
            for (var entry : new ObjectMapper().readTree(in)) patterns.add("(?:" + entry.get("pattern").asText() + ")");
            patterns.add("(?:" + EXTRA + ")");
            return new BotFilter(Pattern.compile(String.join("|", patterns), Pattern.CASE_INSENSITIVE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isPrefetch(String purpose) {
        if (purpose == null) return false;
        var p = purpose.toLowerCase(Locale.ROOT);
        return p.contains("prefetch") || p.contains("prerender");
    }

    public boolean isBot(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) return true;
        if (userAgent.length() > 1000) return true;
        return verdicts.get(userAgent, ua -> pattern.matcher(ua).find());
    }
}
