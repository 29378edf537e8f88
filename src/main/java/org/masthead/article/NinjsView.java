package org.masthead.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A story as IPTC ninjs 3.0 ({@code GET /api/v1/articles/{id}?format=ninjs}): its address as uri,
 * revision as version, headline, dek and text, bylines as {@code by} (and people), tags as subjects,
 * section as a genre-free subject, dateline as {@code located}, embargo, and the lead photo as a
 * picture association with its caption, credit and rendition. Valid against the 3.0 schema.
 */
public final class NinjsView {
    private NinjsView() {}

    private static String iso(long millis) { return Instant.ofEpochMilli(millis).toString(); }

    public static Map<String, Object> of(Article a, String baseUrl, String language) {
        var m = new LinkedHashMap<String, Object>();
        m.put("uri", a.isPublished() ? baseUrl + a.path() : baseUrl + "/api/v1/articles/" + a.id());
        m.put("standard", Map.of("name", "ninjs", "version", "3.0", "schema", "http://www.iptc.org/std/ninjs/ninjs-schema_3.0.json"));
        m.put("type", "text");
        m.put("representationType", "full");
        m.put("version", String.valueOf(a.revision()));
        if (a.publishedAt() != null) m.put("firstCreated", iso(a.publishedAt()));
        m.put("versionCreated", iso(a.updatedAt()));
        m.put("pubStatus", a.isPublished() ? "usable" : "withheld");
        var embargo = a.workflow().embargoUntil();
        if (embargo != null) m.put("embargoed", iso(embargo));
        m.put("language", language);
        m.put("headlines", List.of(Map.of("role", "main", "value", a.headline())));
        if (!a.dek().isBlank()) m.put("descriptions", List.of(Map.of("role", "summary", "contentType", "text/plain", "value", a.dek())));
        m.put("bodies", List.of(Map.of("role", "main", "contentType", "text/html", "value", a.bodyHtml())));
        if (!a.authors().isEmpty()) {
            m.put("by", String.join(", ", a.authors().stream().map(au -> au.displayName()).toList()));
            m.put("people", a.authors().stream().map(au -> Map.of("name", au.displayName(), "rel", "creator", "uri", baseUrl + au.path())).toList());
        }
        if (!a.dateline().isBlank()) m.put("located", a.dateline());
        var subjects = new ArrayList<Map<String, Object>>();
        subjects.add(Map.of("name", a.section().name(), "uri", baseUrl + "/" + a.section().slug() + "/", "rel", "section"));
        a.tags().forEach(t -> subjects.add(Map.of("name", t.name(), "uri", baseUrl + t.path())));
        m.put("subjects", subjects);
        if (!a.corrections().isEmpty()) {
            m.put("edNote", String.join(" ", a.corrections().stream().map(c -> c.kind().dbValue() + " (" + iso(c.createdAt()) + "): " + c.text()).toList()));
        }
        var p = a.leadPhoto();
        if (p != null) {
            var photo = new LinkedHashMap<String, Object>();
            photo.put("name", "lead");
            photo.put("uri", baseUrl + p.url());
            photo.put("type", "picture");
            if (!p.title().isBlank()) photo.put("headlines", List.of(Map.of("role", "main", "value", p.title())));
            var descriptions = new ArrayList<Map<String, Object>>();
            if (!p.caption().isBlank()) descriptions.add(Map.of("role", "caption", "contentType", "text/plain", "value", p.caption()));
            if (!p.altText().isBlank()) descriptions.add(Map.of("role", "alt", "contentType", "text/plain", "value", p.altText()));
            if (!descriptions.isEmpty()) photo.put("descriptions", descriptions);
            if (!p.creator().isBlank()) photo.put("by", p.creator());
            if (!p.credit().isBlank()) photo.put("copyrightHolder", p.credit());
            if (!p.copyright().isBlank()) photo.put("copyrightNotice", p.copyright());
            photo.put("renditions", List.of(Map.of("name", "original", "href", baseUrl + p.url(), "contentType", p.mime(), "width", p.width(), "height", p.height())));
            m.put("associations", List.of(photo));
        }
        return m;
    }
}
