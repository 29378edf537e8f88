package org.masthead.feeds;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.rometools.modules.mediarss.MediaEntryModuleImpl;
import com.rometools.modules.mediarss.types.Credit;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.Metadata;
import com.rometools.modules.mediarss.types.UrlReference;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.net.URI;
import org.masthead.http.PlainText;
import org.masthead.taxonomy.Slugs;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.masthead.article.Article;
import org.masthead.article.ArticleStore;
import org.masthead.article.ArticleSummary;
import org.masthead.taxonomy.TaxonomyStore;

/**
 * RSS 2.0 and Atom 1.0 (built with Rome) and JSON Feed 1.1 (built with Jackson) for the site, a
 * section, a tag or an author: the newest 50 published articles, summaries by default or full
 * content on request, the lead photo as media:content with its caption and media:credit. Entry ids
 * are {@code tag:} URIs of the article id, so they survive slug and section changes. Rendered feeds
 * are kept in memory until an article changes.
 */
public final class Feeds {
    static final int SIZE = 50;

    public enum Format {
        RSS("rss", "application/rss+xml; charset=utf-8"), ATOM("atom", "application/atom+xml; charset=utf-8"),
        JSON("json", "application/feed+json; charset=utf-8");

        final String extension;
        final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }

        static Optional<Format> of(String ext) {
            for (var f : values()) if (f.extension.equals(ext)) return Optional.of(f);
            return Optional.empty();
        }
    }

    /** What a feed covers: kind is all, section, tag or author. */
    public record Scope(String kind, String slug) {
        String path(Format f) {
            if (kind.equals("corrections")) return "/feeds/corrections." + f.extension;
            return (kind.equals("all") ? "/feeds/all" : "/feeds/" + kind + "/" + Slugs.encode(slug)) + "." + f.extension;
        }
    }

    public record Rendered(byte[] body, String contentType, String etag, long lastModified) {}

    private final ArticleStore articles;
    private final TaxonomyStore taxonomy;
    private final java.util.function.Supplier<org.masthead.settings.SiteSettings> site;

    private String siteName() { return site.get().name(); }

    private String language() { return site.get().language(); }
    private final String baseUrl;
    private final String host;
    private final ObjectMapper json = new ObjectMapper();
    private final Cache<String, Optional<Rendered>> cache = Caffeine.newBuilder().maximumSize(2_000).build();

    public Feeds(ArticleStore articles, TaxonomyStore taxonomy, java.util.function.Supplier<org.masthead.settings.SiteSettings> site, String baseUrl) {
        this.articles = articles;
        this.taxonomy = taxonomy;
        this.site = site;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.host = URI.create(this.baseUrl).getHost();
    }

    /** Drops every rendered feed (any article change can move any of them). */
    public void invalidate() { cache.invalidateAll(); }

    public Optional<Rendered> render(Scope scope, Format format, boolean full) {
        return cache.get(scope.kind() + ":" + scope.slug() + ":" + format + ":" + full, k -> build(scope, format, full));
    }

    /** The article's permanent id: a tag URI (RFC 4151) that never changes with its slug. */
    String entryId(long articleId) { return "tag:" + host + ",2026:article:" + articleId; }

    private Optional<Rendered> build(Scope scope, Format format, boolean full) {
        if (scope.kind().equals("corrections")) return Optional.of(corrections(scope, format));
        String title;
        String homePath;
        List<ArticleSummary> list;
        switch (scope.kind()) {
            case "all" -> {
                title = siteName();
                homePath = "/";
                list = articles.listPublished(null, SIZE, 0);
            }
            case "section" -> {
                var section = taxonomy.findSectionBySlug(scope.slug());
                if (section.isEmpty()) return Optional.empty();
                title = siteName() + ": " + section.get().name();
                homePath = section.get().path();
                list = articles.listPublished(section.get().id(), SIZE, 0);
            }
            case "tag", "author" -> {
                var name = articles.findName(scope.kind(), scope.slug());
                if (name.isEmpty()) return Optional.empty();
                title = siteName() + ": " + name.get();
                homePath = "/" + scope.kind() + "/" + Slugs.encode(scope.slug()) + "/";
                list = articles.listPublishedWith(scope.kind(), scope.slug(), SIZE);
            }
            default -> {
                return Optional.empty();
            }
        }
        var items = list.stream().map(s -> articles.find(s.id()).orElse(null)).filter(a -> a != null && a.isPublished()).toList();
        long lastModified = items.stream().mapToLong(Article::updatedAt).max().orElse(0);
        byte[] body = format == Format.JSON ? jsonFeed(scope, title, homePath, items, full) : rome(scope, format, title, homePath, items, full, lastModified);
        return Optional.of(new Rendered(body, format.contentType, "\"" + digest(body) + "\"", lastModified));
    }

    private byte[] rome(Scope scope, Format format, String title, String homePath, List<Article> items, boolean full, long lastModified) {
        var feed = header(format, title, "The latest from " + title, homePath, baseUrl + scope.path(format) + (full ? "?full=1" : ""),
            baseUrl + scope.path(format), lastModified);
        var author = feed.getAuthors().get(0);
        var entries = new ArrayList<com.rometools.rome.feed.synd.SyndEntry>();
        for (var a : items) {
            var e = new SyndEntryImpl();
            e.setTitle(x(a.headline()));
            e.setLink(baseUrl + a.path());
            e.setUri(entryId(a.id()));
            e.setPublishedDate(new Date(a.publishedAt()));
            e.setUpdatedDate(new Date(a.updatedAt()));
            var summary = new SyndContentImpl();
            summary.setType("text/plain");
            // RSS descriptions are HTML: plain text goes in escaped, so "<img onerror=…>" in a dek stays words
                var text = x(a.dek().isEmpty() ? a.headline() : a.dek());
                summary.setValue(format == Format.RSS ? PlainText.escapeHtml(text) : text);
            e.setDescription(summary);
            if (full) {
                var content = new SyndContentImpl();
                content.setType("html");
                content.setValue(x(a.bodyHtml()));
                e.setContents(List.of(content));
            }
            var people = new ArrayList<com.rometools.rome.feed.synd.SyndPerson>();
            for (var au : a.authors()) {
                var p = new SyndPersonImpl();
                p.setName(x(au.displayName()));
                people.add(p);
            }
            if (people.isEmpty()) people.add(author);
            e.setAuthors(people);
            var categories = new ArrayList<com.rometools.rome.feed.synd.SyndCategory>();
            var sectionCategory = new SyndCategoryImpl();
            sectionCategory.setName(x(a.section().name()));
            categories.add(sectionCategory);
            for (var t : a.tags()) {
                var c = new SyndCategoryImpl();
                c.setName(x(t.name()));
                categories.add(c);
            }
            e.setCategories(categories);
            var photo = a.leadPhoto();
            if (photo != null) {
                var media = new MediaContent(new UrlReference(URI.create(baseUrl + photo.url())));
                media.setType(photo.mime());
                media.setMedium("image");
                media.setWidth(photo.width());
                media.setHeight(photo.height());
                var metadata = new Metadata();
                if (!photo.caption().isEmpty()) metadata.setDescription(x(photo.caption()));
                if (!photo.credit().isEmpty()) metadata.setCredits(new Credit[] {new Credit(null, null, x(photo.credit()))});
                media.setMetadata(metadata);
                var module = new MediaEntryModuleImpl();
                module.setMediaContents(new MediaContent[] {media});
                e.getModules().add(module);
            }
            entries.add(e);
        }
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed, true).getBytes(StandardCharsets.UTF_8);
        } catch (FeedException e) {
            throw new IllegalStateException("cannot write feed: " + e.getMessage(), e);
        }
    }

    private byte[] jsonFeed(Scope scope, String title, String homePath, List<Article> items, boolean full) {
        var feed = new LinkedHashMap<String, Object>();
        feed.put("version", "https://jsonfeed.org/version/1.1");
        feed.put("title", title);
        feed.put("home_page_url", baseUrl + homePath);
        feed.put("feed_url", baseUrl + scope.path(Format.JSON) + (full ? "?full=1" : ""));
        feed.put("language", language());
        var list = new ArrayList<Map<String, Object>>();
        for (var a : items) {
            var item = new LinkedHashMap<String, Object>();
            item.put("id", entryId(a.id()));
            item.put("url", baseUrl + a.path());
            item.put("title", a.headline());
            if (!a.dek().isEmpty()) item.put("summary", a.dek());
            if (full) item.put("content_html", a.bodyHtml());
            else item.put("content_text", a.dek().isEmpty() ? a.headline() : a.dek());
            item.put("date_published", Instant.ofEpochMilli(a.publishedAt()).toString());
            item.put("date_modified", Instant.ofEpochMilli(a.updatedAt()).toString());
            var authors = new ArrayList<Map<String, Object>>();
            for (var au : a.authors()) authors.add(Map.of("name", au.displayName()));
            if (!authors.isEmpty()) item.put("authors", authors);
            var tags = new ArrayList<String>();
            tags.add(a.section().name());
            a.tags().forEach(t -> tags.add(t.name()));
            item.put("tags", tags);
            if (a.leadPhoto() != null) item.put("image", baseUrl + a.leadPhoto().url());
            list.add(item);
        }
        feed.put("items", list);
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(feed);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A Rome feed with its title, links (alternate, self, and RSS's atom:link), language(), dates and the site as author. */
    private SyndFeedImpl header(Format format, String title, String description, String homePath, String selfHref, String uri, long lastModified) {
        var feed = new SyndFeedImpl();
        feed.setFeedType(format == Format.RSS ? "rss_2.0" : "atom_1.0");
        feed.setTitle(x(title));
        feed.setDescription(x(description));
        feed.setLink(baseUrl + homePath);
        feed.setLanguage(language());
        feed.setUri(uri);
        feed.setPublishedDate(new Date(lastModified));
        var self = new SyndLinkImpl();
        self.setRel("self");
        self.setType(format.contentType.replace("; charset=utf-8", ""));
        self.setHref(selfHref);
        var alternate = new SyndLinkImpl();
        alternate.setRel("alternate");
        alternate.setType("text/html");
        alternate.setHref(baseUrl + homePath);
        feed.setLinks(List.of(alternate, self));
        if (format == Format.RSS) { // RSS has no self link of its own; the Atom one is the convention feed validators expect
            var atomLink = new org.jdom2.Element("link", org.jdom2.Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom"));
            atomLink.setAttribute("href", selfHref);
            atomLink.setAttribute("rel", "self");
            atomLink.setAttribute("type", "application/rss+xml");
            feed.setForeignMarkup(List.of(atomLink));
        }
        var author = new SyndPersonImpl();
        author.setName(x(siteName()));
        feed.setAuthors(List.of(author));
        return feed;
    }

    /** The corrections feed: one entry per correction, clarification or update, linking to the story's notes. */
    private Rendered corrections(Scope scope, Format format) {
        var items = articles.listCorrections(SIZE);
        long lastModified = items.stream().mapToLong(i -> i.correction().createdAt()).max().orElse(0);
        var title = siteName() + ": corrections and clarifications";
        byte[] body;
        if (format == Format.JSON) {
            var feed = new LinkedHashMap<String, Object>();
            feed.put("version", "https://jsonfeed.org/version/1.1");
            feed.put("title", title);
            feed.put("home_page_url", baseUrl + "/corrections/");
            feed.put("feed_url", baseUrl + scope.path(format));
            feed.put("language", language());
            feed.put("items", items.stream().map(i -> {
                var m = new LinkedHashMap<String, Object>();
                m.put("id", "tag:" + host + ",2026:correction:" + i.correction().id());
                m.put("url", baseUrl + i.article().path() + "#corrections");
                m.put("title", i.correction().kind().label() + ": " + i.article().headline());
                m.put("content_text", i.correction().text());
                m.put("date_published", Instant.ofEpochMilli(i.correction().createdAt()).toString());
                return m;
            }).toList());
            try {
                body = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(feed);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            var feed = header(format, title, "Corrections, clarifications and updates at " + siteName(), "/corrections/",
                baseUrl + scope.path(format), baseUrl + scope.path(format), lastModified);
            var author = feed.getAuthors().get(0);
            var entries = new ArrayList<com.rometools.rome.feed.synd.SyndEntry>();
            for (var i : items) {
                var e = new SyndEntryImpl();
                e.setTitle(x(i.correction().kind().label() + ": " + i.article().headline()));
                e.setLink(baseUrl + i.article().path() + "#corrections");
                e.setUri("tag:" + host + ",2026:correction:" + i.correction().id());
                e.setPublishedDate(new Date(i.correction().createdAt()));
                e.setUpdatedDate(new Date(i.correction().createdAt()));
                var text = new SyndContentImpl();
                text.setType("text/plain");
                text.setValue(format == Format.RSS ? PlainText.escapeHtml(x(i.correction().text())) : x(i.correction().text()));
                e.setDescription(text);
                e.setAuthors(List.of(author));
                entries.add(e);
            }
            feed.setEntries(entries);
            try {
                body = new SyndFeedOutput().outputString(feed, true).getBytes(StandardCharsets.UTF_8);
            } catch (FeedException e) {
                throw new IllegalStateException("cannot write feed: " + e.getMessage(), e);
            }
        }
        return new Rendered(body, format.contentType, "\"" + digest(body) + "\"", lastModified);
    }

    private static String x(String s) { return PlainText.xmlSafe(s); }

    private static String digest(byte[] body) { return org.masthead.http.Digests.sha256Hex(body).substring(0, 32); }
}
