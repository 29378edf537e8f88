package org.masthead.article;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.masthead.http.PlainText;
import org.masthead.taxonomy.Slugs;

/**
 * What an editor submits for an article. {@code slug} may be empty (made from the headline).
 * {@link #problems()} returns field → message for everything wrong, empty when valid.
 */
public record ArticleDraft(String headline, String dek, long sectionId, String slug, String bodyHtml, String dateline,
                           List<String> bylines, List<String> tags, String language, Seo seo) {
    /** A draft with no search/social fields of its own. */
    public ArticleDraft(String headline, String dek, long sectionId, String slug, String bodyHtml, String dateline,
                        List<String> bylines, List<String> tags, String language) {
        this(headline, dek, sectionId, slug, bodyHtml, dateline, bylines, tags, language, Seo.NONE);
    }

    /** A draft in the site's language. */
    public ArticleDraft(String headline, String dek, long sectionId, String slug, String bodyHtml, String dateline,
                        List<String> bylines, List<String> tags) {
        this(headline, dek, sectionId, slug, bodyHtml, dateline, bylines, tags, "");
    }

    /** {@code language}: a BCP 47 tag, or empty for the site's language. */
    public ArticleDraft {
        language = language == null ? "" : org.masthead.http.Languages.canonical(language.strip());
        seo = seo == null ? Seo.NONE : seo;
        headline = headline == null ? "" : headline.strip();
        dek = dek == null ? "" : dek.strip();
        slug = slug == null ? "" : java.text.Normalizer.normalize(slug.strip(), java.text.Normalizer.Form.NFC);
        bodyHtml = bodyHtml == null ? "" : bodyHtml;
        dateline = dateline == null ? "" : dateline.strip();
        bylines = List.copyOf(bylines);
        tags = List.copyOf(tags);
    }

    /** Splits a comma-separated field ("Ana Ruiz, Tom Li") into trimmed, non-empty names. */
    public static List<String> names(String commaSeparated) {
        if (commaSeparated == null) return List.of();
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    public Map<String, String> problems() {
        var p = new LinkedHashMap<String, String>();
        if (headline.isEmpty()) p.put("headline", "Write a headline.");
        else if (headline.length() > 200) p.put("headline", "Keep the headline under 200 characters (it has " + headline.length() + ").");
        if (dek.length() > 400) p.put("dek", "Keep the dek under 400 characters (it has " + dek.length() + ").");
        if (!slug.isEmpty() && !Slugs.isValid(slug)) p.put("slug", "Use lowercase letters (any script), digits and single hyphens (for example city-budget-vote).");
        if (sectionId <= 0) p.put("section", "Choose a section.");
        if (dateline.length() > 100) p.put("dateline", "Keep the dateline under 100 characters.");
        if (bodyHtml.length() > 500_000) p.put("body", "The body is too long (over 500,000 characters).");
        if (bylines.size() > 10) p.put("bylines", "At most 10 bylines.");
        if (bylines.stream().anyMatch(b -> b.length() > 100)) p.put("bylines", "Each byline must be under 100 characters.");
        if (tags.size() > 30) p.put("tags", "At most 30 tags.");
        if (tags.stream().anyMatch(t -> t.length() > 60)) p.put("tags", "Each tag must be under 60 characters.");
        if (!language.isEmpty() && !org.masthead.http.Languages.isValid(language)) {
            p.put("language", "Give the language as a BCP 47 tag such as en, ar or pt-BR.");
        }
        p.putAll(seo.problems());
        p.putAll(controlProblems());
        return p;
    }

    /** Fields holding control characters (NUL, escape, a line break in a one-line field): refused with 422, never stored. */
    public Map<String, String> controlProblems() {
        var p = new LinkedHashMap<String, String>();
        var oneLine = new LinkedHashMap<String, String>();
        oneLine.put("headline", headline);
        oneLine.put("dek", dek);
        oneLine.put("slug", slug);
        oneLine.put("dateline", dateline);
        oneLine.put("bylines", String.join(",", bylines));
        oneLine.put("tags", String.join(",", tags));
        oneLine.put("language", language);
        oneLine.forEach((field, value) -> {
            if (PlainText.hasControl(value)) p.put(field, "Remove the control character (such as NUL or a line break) from this field.");
        });
        if (PlainText.hasControlInText(bodyHtml)) p.put("body", "Remove the control character (such as NUL) from the body.");
        return p;
    }
}
