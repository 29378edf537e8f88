package org.masthead.popularity;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Obvious non-human traffic: no User-Agent, crawlers, HTTP libraries, headless browsers, and
 * prefetch/prerender requests. The maintained crawler list comes with the popularity engine issue.
 */
public final class BotFilter {
    private static final Pattern BOT = Pattern.compile(
        "bot|crawl|spider|slurp|scrape|fetch|preview|facebookexternalhit|embedly|quora link|whatsapp|telegram|"
            + "curl|wget|httpclient|python|java/|go-http|okhttp|axios|node-fetch|libwww|headless|phantomjs|lighthouse|"
            + "pingdom|uptime|monitor|feedly|rss|validator");

    public boolean isBot(String userAgent, String purpose) {
        if (purpose != null && (purpose.toLowerCase(Locale.ROOT).contains("prefetch") || purpose.toLowerCase(Locale.ROOT).contains("prerender"))) {
            return true;
        }
        if (userAgent == null || userAgent.isBlank()) return true;
        return BOT.matcher(userAgent.toLowerCase(Locale.ROOT)).find();
    }
}
