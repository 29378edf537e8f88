package org.masthead.settings;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.masthead.db.Database;
import org.masthead.http.Languages;
import org.masthead.http.PlainText;

/**
 * Site settings over the operator's configuration. {@link #current()} is what every page reads; a
 * save writes the rows, and the caller bumps the site version so every node reloads and re-renders.
 * A key in {@code lockedKeys} ("site.name", ...) was set by the operator and cannot be changed here.
 */
public final class Settings {
    /** Settings key → configuration key, for the ones an operator can also set. */
    public static final Map<String, String> CONFIG_KEYS = Map.of("name", "site.name", "language", "site.language", "time_zone", "site.time-zone");

    private final Database db;
    private final SiteSettings configured;
    private final Set<String> lockedKeys;
    private volatile SiteSettings current;
    private final com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();

    public Settings(Database db, SiteSettings configured, Set<String> lockedKeys) {
        this.db = db;
        this.configured = configured;
        this.lockedKeys = Set.copyOf(lockedKeys);
        this.current = configured;
    }

    public SiteSettings current() { return current; }

    /** The configuration key that fixes this setting, or null when admins may change it. */
    public @org.jspecify.annotations.Nullable String lockedBy(String key) {
        var config = CONFIG_KEYS.get(key);
        return config != null && lockedKeys.contains(config) ? config : null;
    }

    /** Reads the rows (at start, and when the site version moves). */
    public void reload() {
        var rows = new LinkedHashMap<String, String>();
        db.read(h -> h.createQuery("select key, value from site_setting").map((rs, ctx) -> Map.entry(rs.getString("key"), rs.getString("value"))).list())
            .forEach(e -> rows.put(e.getKey(), e.getValue()));
        current = merged(rows);
    }

    private SiteSettings merged(Map<String, String> rows) {
        java.util.function.Function<String, String> pick = key -> lockedBy(key) == null && rows.containsKey(key) ? rows.get(key) : null;
        var name = pick.apply("name");
        var language = pick.apply("language");
        var zone = pick.apply("time_zone");
        return new SiteSettings(name == null ? configured.name() : name, rows.getOrDefault("tagline", configured.tagline()),
            language == null ? configured.language() : language, zone == null ? configured.timeZone() : ZoneId.of(zone),
            rows.getOrDefault("accent", configured.accent()), links(rows.get("header_links"), configured.headerLinks()),
            links(rows.get("footer_links"), configured.footerLinks()), id(rows.get("logo_id"), configured.logoId()),
            id(rows.get("social_image_id"), configured.socialImageId()));
    }

    private List<SiteSettings.Link> links(@org.jspecify.annotations.Nullable String stored, List<SiteSettings.Link> fallback) {
        if (stored == null) return fallback;
        try {
            return List.of(json.readValue(stored, SiteSettings.Link[].class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return fallback;
        }
    }

    private static @org.jspecify.annotations.Nullable Long id(@org.jspecify.annotations.Nullable String stored, @org.jspecify.annotations.Nullable Long fallback) {
        if (stored == null) return fallback;
        return stored.isEmpty() ? null : Long.valueOf(stored);
    }

    /** Parses "Label | /path" lines into links; null (with the problem in {@code problems}) when a line is not one. */
    public static List<SiteSettings.Link> parseLinks(String text, String field, Map<String, String> problems) {
        var out = new ArrayList<SiteSettings.Link>();
        for (var line : (text == null ? "" : text).split("\\R")) {
            if (line.isBlank()) continue;
            int bar = line.lastIndexOf('|');
            var label = bar < 0 ? "" : line.substring(0, bar).strip();
            var url = bar < 0 ? "" : line.substring(bar + 1).strip();
            boolean local = url.startsWith("/") && !url.startsWith("//") && !url.contains("\\");
            boolean web = url.matches("https?://[^\\s\"'<>]+");
            if (label.isEmpty() || label.length() > 60 || PlainText.hasControl(label) || !(local || web) || url.length() > 500) {
                problems.put(field, "Write each link as “Label | /path” or “Label | https://…”, one per line (not “" + PlainText.shorten(line.strip(), 60) + "”).");
                return List.of();
            }
            out.add(new SiteSettings.Link(label, url));
        }
        if (out.size() > 12) problems.put(field, "At most 12 links.");
        return out;
    }

    /**
     * Checks and stores what an admin sent ({@code photoExists} checks library ids); returns field →
     * problem, empty when saved. Locked keys are left as the configuration has them.
     */
    public Map<String, String> save(Map<String, String> form, java.util.function.LongPredicate photoExists) {
        var p = new LinkedHashMap<String, String>();
        var rows = new LinkedHashMap<String, String>();
        var name = form.getOrDefault("name", "").strip();
        if (lockedBy("name") == null) {
            if (name.isEmpty() || name.length() > 80 || PlainText.hasControl(name)) p.put("name", "Give the site a name of up to 80 characters.");
            rows.put("name", name);
        }
        var tagline = form.getOrDefault("tagline", "").strip();
        if (tagline.length() > 160 || PlainText.hasControl(tagline)) p.put("tagline", "Keep the tagline to one line of up to 160 characters.");
        rows.put("tagline", tagline);
        if (lockedBy("language") == null) {
            var language = Languages.canonical(form.getOrDefault("language", "").strip());
            if (!Languages.isValid(language)) p.put("language", "Give the language as a BCP 47 tag such as en, ar or pt-BR.");
            rows.put("language", language);
        }
        if (lockedBy("time_zone") == null) {
            var zone = form.getOrDefault("time_zone", "").strip();
            try {
                ZoneId.of(zone);
            } catch (java.time.DateTimeException e) {
                p.put("time_zone", "Choose a time zone such as Europe/London or America/New_York.");
            }
            rows.put("time_zone", zone);
        }
        var accent = form.getOrDefault("accent", "").strip().toLowerCase(java.util.Locale.ROOT);
        if (!accent.matches("#[0-9a-f]{6}")) p.put("accent", "Give the accent colour as #rrggbb, such as #b3261e.");
        rows.put("accent", accent);
        var header = parseLinks(form.get("header_links"), "header_links", p);
        var footer = parseLinks(form.get("footer_links"), "footer_links", p);
        try {
            rows.put("header_links", json.writeValueAsString(header));
            rows.put("footer_links", json.writeValueAsString(footer));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        for (var key : new String[] {"logo_id", "social_image_id"}) {
            var v = form.getOrDefault(key, "").strip();
            if (!v.isEmpty() && (!v.matches("[0-9]{1,18}") || !photoExists.test(Long.parseLong(v)))) p.put(key, "There is no photo " + PlainText.shorten(v, 20) + " in the library.");
            rows.put(key, v);
        }
        if (!p.isEmpty()) return p;
        db.useTransaction(h -> rows.forEach((k, v) -> {
            h.createUpdate("delete from site_setting where key = :k").bind("k", k).execute();
            h.createUpdate("insert into site_setting (key, value) values (:k, :v)").bind("k", k).bind("v", v).execute();
        }));
        reload();
        return Map.of();
    }
}
