package org.masthead.site;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reader site's own words (header, search, pagers, share links, archives, errors) in the site's language:
 * {@code site/text/<language>.properties}, ICU message patterns so plurals follow the language's rules (Arabic has six
 * forms). A language without a file, or a key its file lacks, reads English. Numbers keep Western digits, as most Arabic
 * news sites print them and as the dates beside them are.
 */
public final class ReaderText {
    private static final Map<String, ReaderText> BY_LANGUAGE = new ConcurrentHashMap<>();
    public static final ReaderText ENGLISH = of("en");

    private final String language;
    private final com.ibm.icu.util.ULocale locale;
    private final Map<String, String> patterns;
    private final Map<String, String> english;
    private final Map<String, String> plainWords = new ConcurrentHashMap<>();

    private ReaderText(String language, Map<String, String> patterns, Map<String, String> english) {
        this.language = language;
        this.locale = new com.ibm.icu.util.ULocale(language + "@numbers=latn");
        this.patterns = patterns;
        this.english = english;
    }

    /** The words for a site in {@code languageTag} ("ar", "en-GB", …): its primary language's file, else English. */
    public static ReaderText of(String languageTag) {
        var primary = languageTag == null || languageTag.isBlank() ? "en" : Locale.forLanguageTag(languageTag).getLanguage();
        return BY_LANGUAGE.computeIfAbsent(primary.isEmpty() ? "en" : primary, l -> {
            var own = load(l);
            if (own == null || l.equals("en")) return new ReaderText(own == null ? "en" : l, english(), english());
            return new ReaderText(l, own, english());
        });
    }

    private static Map<String, String> englishWords;

    private static synchronized Map<String, String> english() {
        if (englishWords == null) englishWords = load("en");
        return englishWords;
    }

    private static Map<String, String> load(String language) {
        if (!language.matches("[a-z]{2,3}")) return null;
        try (var in = ReaderText.class.getResourceAsStream("/site/text/" + language + ".properties")) {
            if (in == null) return null;
            var p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            var out = new java.util.HashMap<String, String>();
            for (var k : p.stringPropertyNames()) out.put(k, p.getProperty(k));
            return Map.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The language these words are in (English when the site's has no file). */
    public String language() { return language; }

    /** The words for {@code key}, {@code args} put in ({0}, plurals, numbers); an unknown key is a programming error. */
    public String t(String key, Object... args) {
        if (args.length == 0) {
            var plain = plainWords.get(key);
            if (plain != null) return plain;
        }
        var pattern = patterns.getOrDefault(key, english.get(key));
        if (pattern == null) throw new IllegalArgumentException("no reader text for " + key);
        var out = pattern.indexOf('{') < 0 && pattern.indexOf('\'') < 0 ? pattern : new com.ibm.icu.text.MessageFormat(pattern, locale).format(args);
        if (args.length == 0) plainWords.put(key, out); // words without arguments are formatted once
        return out;
    }

    /** The keys of the English file (every language's file should have each; a test checks Arabic's). */
    static java.util.Set<String> keys() { return english().keySet(); }

    static java.util.Set<String> keys(String language) {
        var own = load(language);
        return own == null ? java.util.Set.of() : own.keySet();
    }
}
