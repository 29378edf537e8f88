package org.masthead.importer;

import java.io.InputStream;
import java.net.URI;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.masthead.account.User;
import org.masthead.article.ArticleDraft;
import org.masthead.article.ArticleStore;
import org.masthead.article.Publishing;
import org.masthead.article.Transition;
import org.masthead.db.Database;
import org.masthead.page.Pages;
import org.masthead.taxonomy.Slugs;
import org.masthead.taxonomy.TaxonomyStore;

/**
 * Imports a WordPress export: posts become stories (status, dates and slugs kept), pages static
 * pages, authors bylines, a post's first category its section (created when new) and the rest tags.
 * Each item is keyed on the exported site plus its post id, so importing again updates and never
 * duplicates (and a run cut short is resumed by running it again). Old permalinks and {@code ?p=ID}
 * answer 301. Attachments, menus and comments are counted and reported, not imported yet.
 */
public final class WxrImport {
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** What a run did (or, dry, would do): counts by what became of the items, and what it could not take. */
    public record Report(int stories, int pages, int created, int updated, Map<String, Integer> notImported, int comments, int redirects,
                         List<String> problems, boolean dryRun) {
        public String text() {
            return (dryRun ? "Dry run, nothing stored: would import " : "Imported ") + stories + " stories and " + pages + " pages (" + created + " new, "
                + updated + " updated), " + redirects + " old addresses redirected; not imported: " + notImported + "; " + comments + " comments counted."
                + (problems.isEmpty() ? "" : "\nProblems:\n- " + String.join("\n- ", problems));
        }
    }

    private final Database db;
    private final Publishing publishing;
    private final ArticleStore articles;
    private final TaxonomyStore taxonomy;
    private final Pages pages;
    private final ZoneId zone;
    private final java.time.Clock clock;

    public WxrImport(Database db, Publishing publishing, ArticleStore articles, TaxonomyStore taxonomy, Pages pages, ZoneId zone, java.time.Clock clock) {
        this.db = db;
        this.publishing = publishing;
        this.articles = articles;
        this.taxonomy = taxonomy;
        this.pages = pages;
        this.zone = zone;
        this.clock = clock;
    }

    /**
     * Reads the whole export first (a malformed or hostile one stops before anything is stored), then imports as {@code actor}.
     */
    public Report run(java.nio.file.Path file, User actor, boolean dryRun) throws WxrReader.WxrException, java.io.IOException {
        var items = new ArrayList<WxrReader.Item>();
        WxrReader.Summary summary;
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            summary = WxrReader.read(in, items::add);
        }
        var source = summary.baseSiteUrl().isEmpty() ? "wxr:" + summary.channelTitle() : summary.baseSiteUrl();
        var names = new LinkedHashMap<String, String>();
        summary.authors().forEach(a -> names.put(a.login(), a.displayName().isBlank() ? a.login() : a.displayName()));
        int stories = 0;
        int pageCount = 0;
        int created = 0;
        int updated = 0;
        int redirects = 0;
        var skipped = new TreeMap<String, Integer>();
        var problems = new ArrayList<String>();
        for (var item : items) {
            var type = item.postType();
            if (!type.equals("post") && !type.equals("page")) {
                skipped.merge(type, 1, Integer::sum);
                continue;
            }
            if (type.equals("page") && !item.status().equals("publish")) { // pages here are public: a draft or private one stays out
                skipped.merge("page (" + item.status() + ")", 1, Integer::sum);
                continue;
            }
            var key = item.postId().isEmpty() ? "title:" + item.title() : item.postId();
            var existing = find(source, key);
            if (type.equals("page")) pageCount++;
            else stories++;
            if (existing.isPresent()) updated++;
            else created++;
            if (dryRun) continue;
            try {
                if (type.equals("page")) importPage(source, key, item, existing, problems);
                else redirects += importPost(source, key, item, existing, names, actor, problems);
            } catch (RuntimeException e) {
                problems.add("“" + item.title() + "” (" + type + " " + item.postId() + "): " + e.getMessage());
            }
        }
        return new Report(stories, pageCount, created, updated, Map.copyOf(skipped), summary.comments(), redirects, List.copyOf(problems), dryRun);
    }

    private Optional<Long> find(String source, String id) {
        return db.read(h -> h.createQuery("select target_id from import_item where source = :s and source_id = :i").bind("s", source).bind("i", id)
            .mapTo(Long.class).findOne());
    }

    private void remember(String source, String id, String kind, long target) {
        db.useTransaction(h -> {
            h.createUpdate("delete from import_item where source = :s and source_id = :i").bind("s", source).bind("i", id).execute();
            h.createUpdate("insert into import_item (source, source_id, kind, target_id, imported_at) values (:s, :i, :k, :t, :now)")
                .bind("s", source).bind("i", id).bind("k", kind).bind("t", target).bind("now", clock.millis()).execute();
        });
    }

    /** Text of a title that may carry HTML ("<em>Markup</em>: Title"), at most {@code max} characters on a word boundary. */
    static String plain(String html, int max) {
        var text = org.jsoup.Jsoup.parse(html).text().strip();
        if (text.length() <= max) return text;
        var cut = text.substring(0, max - 1);
        int space = cut.lastIndexOf(' ');
        return (space > max / 2 ? cut.substring(0, space) : cut).strip() + "…";
    }

    private static String slug(String postName, String title) {
        var decoded = java.net.URLDecoder.decode(postName.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        var lower = java.text.Normalizer.normalize(decoded, java.text.Normalizer.Form.NFC).toLowerCase(java.util.Locale.ROOT);
        if (!lower.isEmpty() && lower.length() <= 80 && Slugs.isValid(lower)) return lower;
        var made = Slugs.from(title);
        return made.length() > 80 ? made.substring(0, 80).replaceAll("-+$", "") : made;
    }

    private @Nullable Long when(WxrReader.Item item) {
        try {
            if (!item.dateGmt().isEmpty() && !item.dateGmt().startsWith("0000")) {
                return LocalDateTime.parse(item.dateGmt(), WP_DATE).toInstant(ZoneOffset.UTC).toEpochMilli();
            }
            if (!item.date().isEmpty() && !item.date().startsWith("0000")) return LocalDateTime.parse(item.date(), WP_DATE).atZone(zone).toInstant().toEpochMilli();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
        return null;
    }

    private long sectionFor(WxrReader.Item item) {
        for (var t : item.terms()) {
            if (!t.domain().equals("category") || t.name().isBlank()) continue;
            var slug = t.nicename().isBlank() ? Slugs.from(t.name()) : slug(t.nicename(), t.name());
            if (slug.equals("uncategorized")) continue;
            var found = taxonomy.findSectionBySlug(slug);
            if (found.isPresent()) return found.get().id();
            if (Slugs.isValid(slug) && !Slugs.RESERVED.contains(slug)) return taxonomy.addSection(plain(t.name(), 80), slug).id();
        }
        return taxonomy.findSectionBySlug("news").or(() -> taxonomy.listSections().stream().findFirst()).orElseThrow().id();
    }

    private int importPost(String source, String key, WxrReader.Item item, Optional<Long> existing, Map<String, String> names, User actor,
                           List<String> problems) {
        var headline = plain(item.title(), 200);
        if (headline.isEmpty()) headline = "(untitled " + (item.postId().isEmpty() ? "post" : "post " + item.postId()) + ")";
        if (!headline.equals(org.jsoup.Jsoup.parse(item.title()).text().strip())) problems.add("“" + headline + "”: the title was shortened or had markup removed.");
        var section = sectionFor(item);
        boolean firstCategorySeen = false;
        var tags = new ArrayList<String>();
        for (var t : item.terms()) {
            if (t.domain().equals("category") && !firstCategorySeen) { // the section
                firstCategorySeen = true;
                continue;
            }
            var name = plain(t.name(), 60);
            if (!name.isEmpty() && !name.equalsIgnoreCase("uncategorized") && !tags.contains(name) && tags.size() < 30) tags.add(name);
        }
        var creator = item.creator();
        var bylines = creator.isEmpty() ? List.<String>of() : List.of(plain(names.getOrDefault(creator, creator), 100));
        var excerpt = plain(item.excerpt(), 400);
        var draft = new ArticleDraft(headline, excerpt, section, slug(item.postName(), headline), item.content(), "", bylines, tags, "");
        Publishing.Result result;
        if (existing.isPresent() && articles.find(existing.get()).isPresent()) {
            var current = articles.find(existing.get()).orElseThrow();
            result = publishing.save(actor, current, current.revision(), draft, current.leadPhoto() == null ? null
                : org.masthead.article.PhotoUse.of(current.leadPhoto()));
        } else {
            result = publishing.create(actor, draft, (Long) null);
        }
        if (!(result instanceof Publishing.Result.Saved saved)) {
            problems.add("“" + headline + "”: " + result);
            return 0;
        }
        long id = saved.article().id();
        remember(source, key, "post", id);
        var at = when(item);
        var status = item.status();
        var now = clock.millis();
        var a = saved.article();
        switch (status) {
            case "publish" -> {
                if (!a.isPublished()) publishing.move(actor, id, Transition.PUBLISH, null, "");
                if (at != null) publishing.backdate(actor, id, at);
            }
            case "future" -> {
                if (at != null && at > now) {
                    if (a.status() != org.masthead.article.ArticleStatus.SCHEDULED) publishing.move(actor, id, Transition.SCHEDULE, at, "");
                } else if (!a.isPublished()) {
                    publishing.move(actor, id, Transition.PUBLISH, null, "");
                    if (at != null) publishing.backdate(actor, id, at);
                }
            }
            case "pending" -> { if (a.status() == org.masthead.article.ArticleStatus.DRAFT) publishing.move(actor, id, Transition.SUBMIT, null, ""); }
            case "private" -> problems.add("“" + headline + "” was private in WordPress: imported as a draft.");
            default -> { } // draft, or a status we do not know: a draft
        }
        int redirects = 0;
        var path = oldPath(item.link());
        if (path != null && !path.equals(articles.find(id).orElseThrow().path()) && !path.equals("/?p=" + item.postId())) {
            articles.addRedirect(path, id, now);
            redirects++;
        }
        if (!item.postId().isEmpty()) {
            articles.addRedirect("/?p=" + item.postId(), id, now);
            redirects++;
        }
        return redirects;
    }

    /** The path (with its query, for "?p=1" links) of an exported permalink, or null when it is the site's root or not a web address. */
    static @Nullable String oldPath(String link) {
        try {
            var u = new URI(link.strip());
            var path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            var full = u.getRawQuery() == null ? path : path + "?" + u.getRawQuery();
            return full.equals("/") ? null : full;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private void importPage(String source, String key, WxrReader.Item item, Optional<Long> existing, List<String> problems) {
        var title = plain(item.title(), 200);
        if (title.isEmpty()) title = "(untitled page " + item.postId() + ")";
        var draft = new Pages.Draft(title, slug(item.postName(), title), item.content(), "");
        Pages.Result result = existing.flatMap(pages::find).isPresent()
            ? pages.save(null, existing.get(), pages.find(existing.get()).orElseThrow().revision(), draft)
            : pages.create(null, draft);
        if (result instanceof Pages.Result.Invalid invalid && invalid.problems().containsKey("slug")) { // a section's address, say: another slug
            result = pages.create(null, new Pages.Draft(title, "page-" + slug(item.postName(), title), item.content(), ""));
        }
        if (result instanceof Pages.Result.Saved saved) {
            remember(source, key, "page", saved.page().id());
        } else {
            problems.add("Page “" + title + "”: " + result);
        }
    }
}
