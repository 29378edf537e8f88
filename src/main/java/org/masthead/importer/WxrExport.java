package org.masthead.importer;

import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.masthead.article.Article;
import org.masthead.article.ArticleStatus;
import org.masthead.article.ArticleStore;
import org.masthead.media.MediaStore;
import org.masthead.media.Photo;
import org.masthead.page.StaticPage;
import org.masthead.taxonomy.Section;

/**
 * Writes the site as a WordPress export (WXR 1.2), so a newsroom can also leave to WordPress: stories
 * as posts (status, dates, slugs, sections as categories, tags, bylines as authors and, for several,
 * Co-Authors Plus terms; search fields as Yoast's), lead photos as attachments with caption, alt and
 * credit set as the featured image, and static pages as pages. Our importer reads it back whole.
 */
public final class WxrExport {
    private static final String WP = "http://wordpress.org/export/1.2/";
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME;

    private WxrExport() {}

    public record Summary(int posts, int pages, int attachments) {}

    public static Summary write(OutputStream out, String siteName, String baseUrl, ZoneId zone, List<Section> sections, ArticleStore articles,
                                MediaStore media, List<StaticPage> pages) throws XMLStreamException {
        var w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        w.writeStartDocument("UTF-8", "1.0");
        w.writeCharacters("\n");
        w.writeStartElement("rss");
        w.writeAttribute("version", "2.0");
        w.writeNamespace("excerpt", "http://wordpress.org/export/1.2/excerpt/");
        w.writeNamespace("content", "http://purl.org/rss/1.0/modules/content/");
        w.writeNamespace("wfw", "http://wellformedweb.org/CommentAPI/");
        w.writeNamespace("dc", "http://purl.org/dc/elements/1.1/");
        w.writeNamespace("wp", WP);
        w.writeStartElement("channel");
        text(w, null, "title", siteName);
        text(w, null, "link", baseUrl);
        text(w, null, "description", siteName);
        text(w, WP, "wxr_version", "1.2");
        text(w, WP, "base_site_url", baseUrl);
        text(w, WP, "base_blog_url", baseUrl);
        var all = new java.util.ArrayList<Article>();
        for (int offset = 0; ; offset += 500) {
            var page = articles.listForNewsroom(new ArticleStore.Filter(null, null, null), 500, offset);
            for (var s : page) articles.find(s.id()).ifPresent(all::add);
            if (page.size() < 500) break;
        }
        var authors = new LinkedHashMap<String, String>();
        all.forEach(a -> a.authors().forEach(au -> authors.putIfAbsent(au.slug(), au.displayName())));
        int n = 0;
        for (var e : authors.entrySet()) {
            w.writeStartElement("wp", "author", WP);
            text(w, WP, "author_id", String.valueOf(++n));
            cdata(w, WP, "author_login", e.getKey());
            cdata(w, WP, "author_display_name", e.getValue());
            w.writeEndElement();
        }
        for (var s : sections) {
            w.writeStartElement("wp", "category", WP);
            text(w, WP, "term_id", String.valueOf(s.id()));
            cdata(w, WP, "category_nicename", s.slug());
            cdata(w, WP, "cat_name", s.name());
            w.writeEndElement();
        }
        var tags = new LinkedHashMap<String, String>();
        all.forEach(a -> a.tags().forEach(t -> tags.putIfAbsent(t.slug(), t.name())));
        for (var t : tags.entrySet()) {
            w.writeStartElement("wp", "tag", WP);
            cdata(w, WP, "tag_slug", t.getKey());
            cdata(w, WP, "tag_name", t.getValue());
            w.writeEndElement();
        }
        // Ids: posts keep theirs; attachments and pages get ids past every post's, so nothing collides.
        long next = all.stream().mapToLong(Article::id).max().orElse(0) + 1;
        var attachmentIds = new LinkedHashMap<Long, Long>();
        int attachments = 0;
        for (var a : all) {
            var p = a.leadPhoto();
            if (p == null || attachmentIds.containsKey(p.id())) continue;
            long id = next++;
            attachmentIds.put(p.id(), id);
            attachment(w, id, a.id(), media.find(p.id()).orElse(p), baseUrl);
            attachments++;
        }
        for (var a : all) post(w, a, attachmentIds, baseUrl, zone);
        for (var p : pages) {
            w.writeStartElement("item");
            text(w, null, "title", p.title());
            text(w, null, "link", baseUrl + p.path());
            cdata(w, "http://purl.org/rss/1.0/modules/content/", "encoded", p.bodyHtml());
            cdata(w, "http://wordpress.org/export/1.2/excerpt/", "encoded", "");
            text(w, WP, "post_id", String.valueOf(next++));
            dates(w, p.createdAt(), zone);
            cdata(w, WP, "post_name", p.slug());
            text(w, WP, "status", "publish");
            text(w, WP, "post_type", "page");
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndDocument();
        w.close();
        return new Summary(all.size(), pages.size(), attachments);
    }

    private static void attachment(XMLStreamWriter w, long id, long parent, Photo p, String baseUrl) throws XMLStreamException {
        w.writeStartElement("item");
        text(w, null, "title", p.title().isBlank() ? p.sha256().substring(0, 12) : p.title());
        text(w, null, "link", baseUrl + p.url());
        cdata(w, "http://purl.org/rss/1.0/modules/content/", "encoded", "");
        cdata(w, "http://wordpress.org/export/1.2/excerpt/", "encoded", p.caption());
        text(w, WP, "post_id", String.valueOf(id));
        text(w, WP, "post_parent", String.valueOf(parent));
        text(w, WP, "status", "inherit");
        text(w, WP, "post_type", "attachment");
        text(w, WP, "attachment_url", baseUrl + p.url());
        meta(w, "_wp_attached_file", "originals/" + p.sha256().substring(0, 2) + "/" + p.file()); // where it is under the media folder
        meta(w, "_wp_attachment_image_alt", p.altText());
        meta(w, "_wp_attachment_metadata", php(Map.of("width", p.width(), "height", p.height(), "file", p.file()),
            Map.of("caption", p.caption(), "credit", p.credit(), "copyright", p.copyright(), "title", p.title())));
        w.writeEndElement();
    }

    private static void post(XMLStreamWriter w, Article a, Map<Long, Long> attachmentIds, String baseUrl, ZoneId zone) throws XMLStreamException {
        w.writeStartElement("item");
        text(w, null, "title", a.headline());
        text(w, null, "link", baseUrl + a.path());
        if (a.publishedAt() != null) text(w, null, "pubDate", RFC_822.format(Instant.ofEpochMilli(a.publishedAt()).atOffset(ZoneOffset.UTC)));
        cdata(w, "http://purl.org/dc/elements/1.1/", "creator", a.authors().isEmpty() ? "" : a.authors().get(0).slug());
        w.writeStartElement("guid");
        w.writeAttribute("isPermaLink", "false");
        w.writeCharacters(baseUrl + "/?p=" + a.id());
        w.writeEndElement();
        cdata(w, "http://purl.org/rss/1.0/modules/content/", "encoded", a.bodyHtml());
        cdata(w, "http://wordpress.org/export/1.2/excerpt/", "encoded", a.dek());
        text(w, WP, "post_id", String.valueOf(a.id()));
        var when = a.publishedAt() != null ? a.publishedAt() : a.workflow().publishAt() != null ? a.workflow().publishAt() : a.updatedAt();
        dates(w, when, zone);
        cdata(w, WP, "post_name", a.slug());
        text(w, WP, "status", switch (a.status()) {
            case PUBLISHED -> "publish";
            case SCHEDULED -> "future";
            case IN_REVIEW, READY -> "pending";
            case UNPUBLISHED, KILLED -> "private";
            case DRAFT -> "draft";
        });
        text(w, WP, "post_type", "post");
        category(w, "category", a.section().slug(), a.section().name());
        for (var t : a.tags()) category(w, "post_tag", t.slug(), t.name());
        if (a.authors().size() > 1) for (var au : a.authors()) category(w, "author", "cap-" + au.slug(), au.slug());
        if (a.leadPhoto() != null && attachmentIds.containsKey(a.leadPhoto().id())) meta(w, "_thumbnail_id", String.valueOf(attachmentIds.get(a.leadPhoto().id())));
        if (!a.seo().title().isBlank()) meta(w, "_yoast_wpseo_title", a.seo().title());
        if (!a.seo().description().isBlank()) meta(w, "_yoast_wpseo_metadesc", a.seo().description());
        if (a.status() == ArticleStatus.KILLED) meta(w, "_masthead_killed", a.workflow().killReason());
        w.writeEndElement();
    }

    private static void dates(XMLStreamWriter w, long millis, ZoneId zone) throws XMLStreamException {
        var at = Instant.ofEpochMilli(millis);
        cdata(w, WP, "post_date", WP_DATE.format(at.atZone(zone)));
        cdata(w, WP, "post_date_gmt", WP_DATE.format(at.atOffset(ZoneOffset.UTC)));
    }

    private static void category(XMLStreamWriter w, String domain, String nicename, String name) throws XMLStreamException {
        w.writeStartElement("category");
        w.writeAttribute("domain", domain);
        w.writeAttribute("nicename", nicename);
        w.writeCData(safe(name));
        w.writeEndElement();
    }

    private static void meta(XMLStreamWriter w, String key, String value) throws XMLStreamException {
        w.writeStartElement("wp", "postmeta", WP);
        cdata(w, WP, "meta_key", key);
        cdata(w, WP, "meta_value", value);
        w.writeEndElement();
    }

    private static void text(XMLStreamWriter w, String ns, String name, String value) throws XMLStreamException {
        if (ns == null) w.writeStartElement(name);
        else w.writeStartElement(prefix(ns), name, ns);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    private static void cdata(XMLStreamWriter w, String ns, String name, String value) throws XMLStreamException {
        w.writeStartElement(prefix(ns), name, ns);
        var s = safe(value);
        int at = 0;
        for (int i; (i = s.indexOf("]]>", at)) >= 0; at = i + 2) w.writeCData(s.substring(at, i + 2)); // "]]>" split across two sections
        w.writeCData(s.substring(at));
        w.writeEndElement();
    }

    /** XML 1.0 cannot carry most control characters, even in CDATA. */
    private static String safe(String s) { return s == null ? "" : s.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", ""); }

    private static String prefix(String ns) {
        return switch (ns) {
            case WP -> "wp";
            case "http://purl.org/rss/1.0/modules/content/" -> "content";
            case "http://wordpress.org/export/1.2/excerpt/" -> "excerpt";
            default -> "dc";
        };
    }

    /** PHP's serialize() of attachment metadata with its image_meta, as WordPress stores it. */
    static String php(Map<String, Object> top, Map<String, String> imageMeta) {
        var sb = new StringBuilder("a:").append(top.size() + 1).append(":{");
        for (var e : new java.util.TreeMap<>(top).entrySet()) {
            str(sb, e.getKey());
            if (e.getValue() instanceof Integer i) sb.append("i:").append(i).append(';');
            else str(sb, String.valueOf(e.getValue()));
        }
        str(sb, "image_meta");
        sb.append("a:").append(imageMeta.size()).append(":{");
        for (var e : new java.util.TreeMap<>(imageMeta).entrySet()) {
            str(sb, e.getKey());
            str(sb, e.getValue());
        }
        return sb.append("}}").toString();
    }

    private static void str(StringBuilder sb, String s) {
        sb.append("s:").append(s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).append(":\"").append(s).append("\";");
    }
}
