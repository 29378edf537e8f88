package org.masthead.feeds;

import java.io.StringWriter;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.masthead.article.ArticleStore;
import org.masthead.article.ArticleSummary;
import org.masthead.taxonomy.TaxonomyStore;

/**
 * sitemaps.org 0.9 sitemaps written with StAX: an index, one article sitemap per month (split at
 * 50,000 URLs) with image sitemap 1.1 entries for lead photos, a section sitemap, a tag and author
 * page sitemap, and the Google News sitemap 0.9 of the last 48 hours (at most 1,000).
 */
public final class Sitemaps {
    static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String IMAGE = "http://www.google.com/schemas/sitemap-image/1.1";
    static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";
    static final int MAX_URLS = 50_000;
    static final int MAX_NEWS = 1_000;

    private final ArticleStore articles;
    private final TaxonomyStore taxonomy;
    private final java.util.function.Supplier<org.masthead.settings.SiteSettings> site;
    private final String baseUrl;
    private final java.time.Clock clock;

    private java.util.function.Supplier<List<org.masthead.page.StaticPage>> pages = List::of;

    /** The static pages to list with the sections (set by app). */
    public Sitemaps withPages(java.util.function.Supplier<List<org.masthead.page.StaticPage>> pages) {
        this.pages = pages;
        return this;
    }

    public Sitemaps(ArticleStore articles, TaxonomyStore taxonomy, java.util.function.Supplier<org.masthead.settings.SiteSettings> site, String baseUrl, java.time.Clock clock) {
        this.articles = articles;
        this.taxonomy = taxonomy;
        this.site = site;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.clock = clock;
    }

    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static String xml(Body body) {
        try {
            var out = new StringWriter();
            var w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            body.write(w);
            w.writeEndDocument();
            w.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void element(XMLStreamWriter w, String ns, String name, String text) throws XMLStreamException {
        w.writeStartElement(ns, name);
        w.writeCharacters(org.masthead.http.PlainText.xmlSafe(text)); // one bad row never breaks a sitemap
        w.writeEndElement();
    }

    static String iso(long millis) { return Instant.ofEpochMilli(millis / 1000 * 1000).toString(); }

    /** Pages of the articles sitemap for each month, newest month first. */
    private TreeMap<YearMonth, Integer> months() {
        var counts = new TreeMap<YearMonth, Integer>(java.util.Comparator.reverseOrder());
        for (long t : articles.listPublishedTimes()) counts.merge(YearMonth.from(Instant.ofEpochMilli(t).atZone(ZoneOffset.UTC)), 1, Integer::sum);
        return counts;
    }

    public String index() {
        return xml(w -> {
            w.writeStartElement("sitemapindex");
            w.writeDefaultNamespace(NS);
            for (var e : months().entrySet()) {
                int pages = (e.getValue() + MAX_URLS - 1) / MAX_URLS;
                for (int p = 1; p <= pages; p++) {
                    w.writeStartElement(NS, "sitemap");
                    element(w, NS, "loc", baseUrl + "/sitemaps/articles-" + e.getKey() + (p > 1 ? "-p" + p : "") + ".xml");
                    w.writeEndElement();
                }
            }
            for (var name : new String[] {"sections", "tags"}) {
                w.writeStartElement(NS, "sitemap");
                element(w, NS, "loc", baseUrl + "/sitemaps/" + name + ".xml");
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    /** The month's articles, page {@code page} (1-based); empty when there is no such page. */
    public Optional<String> articles(YearMonth month, int page) {
        long from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long to = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        var list = articles.listPublishedBetween(from, to, MAX_URLS, (page - 1) * MAX_URLS);
        if (list.isEmpty()) return Optional.empty();
        return Optional.of(xml(w -> {
            w.writeStartElement("urlset");
            w.writeDefaultNamespace(NS);
            w.writeNamespace("image", IMAGE);
            for (var a : list) {
                w.writeStartElement(NS, "url");
                element(w, NS, "loc", baseUrl + a.path());
                element(w, NS, "lastmod", iso(a.updatedAt()));
                if (a.leadPhoto() != null) {
                    w.writeStartElement(IMAGE, "image");
                    element(w, IMAGE, "loc", baseUrl + a.leadPhoto().url());
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            w.writeEndElement();
        }));
    }

    public String sections() {
        return xml(w -> {
            w.writeStartElement("urlset");
            w.writeDefaultNamespace(NS);
            w.writeStartElement(NS, "url");
            element(w, NS, "loc", baseUrl + "/");
            var newest = articles.listPublished(null, 1, 0);
            if (!newest.isEmpty()) element(w, NS, "lastmod", iso(newest.get(0).updatedAt()));
            w.writeEndElement();
            for (var s : taxonomy.listSections()) {
                w.writeStartElement(NS, "url");
                element(w, NS, "loc", baseUrl + s.path());
                var latest = articles.listPublished(s.id(), 1, 0);
                if (!latest.isEmpty()) element(w, NS, "lastmod", iso(latest.get(0).publishedAt()));
                w.writeEndElement();
            }
            for (var p : pages.get()) {
                w.writeStartElement(NS, "url");
                element(w, NS, "loc", baseUrl + p.path());
                element(w, NS, "lastmod", iso(p.updatedAt()));
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    /** Tag and author pages. */
    public String tags() {
        return xml(w -> {
            w.writeStartElement("urlset");
            w.writeDefaultNamespace(NS);
            for (var kind : new String[] {"tag", "author"}) {
                for (var e : articles.listNames(kind)) {
                    w.writeStartElement(NS, "url");
                    element(w, NS, "loc", baseUrl + "/" + kind + "/" + org.masthead.taxonomy.Slugs.encode(e.getKey()) + "/");
                    w.writeEndElement();
                }
            }
            w.writeEndElement();
        });
    }

    /** Google News: articles published in the last 48 hours, newest first, at most 1,000. */
    public String news() {
        long now = clock.millis();
        List<ArticleSummary> recent = articles.listPublishedBetween(now - 48 * 3_600_000L, now + 60_000, MAX_NEWS, 0);
        return xml(w -> {
            w.writeStartElement("urlset");
            w.writeDefaultNamespace(NS);
            w.writeNamespace("news", NEWS);
            for (var a : recent.reversed()) {
                w.writeStartElement(NS, "url");
                element(w, NS, "loc", baseUrl + a.path());
                w.writeStartElement(NEWS, "news");
                w.writeStartElement(NEWS, "publication");
                element(w, NEWS, "name", site.get().name());
                element(w, NEWS, "language", site.get().language());
                w.writeEndElement();
                element(w, NEWS, "publication_date", iso(a.publishedAt()));
                element(w, NEWS, "title", a.headline());
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    public String robots() {
        return "User-agent: *\nDisallow: /newsroom/\nDisallow: /api/\nDisallow: /_/\n\nSitemap: " + baseUrl + "/sitemap.xml\nSitemap: "
            + baseUrl + "/sitemap-news.xml\n";
    }
}
