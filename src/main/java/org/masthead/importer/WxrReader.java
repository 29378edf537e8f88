package org.masthead.importer;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Reads a WordPress export (WXR 1.0, 1.1, 1.2) as a stream: one {@link Item} at a time, so a
 * 50,000-post archive never sits in memory. A DOCTYPE (external DTDs, entity expansion such as
 * billion laughs, XXE) is refused before anything is read; malformed XML stops with its line and column.
 */
public final class WxrReader {
    /** An author as the export lists them. */
    public record Author(String login, String email, String displayName) {}

    /** A category, tag or custom term on an item: its taxonomy ("category", "post_tag", ...), slug and name. */
    public record Term(String domain, String nicename, String name) {}

    /** One item: a post, page, attachment, menu item... with its fields as WordPress wrote them. */
    public record Item(String title, String link, String postId, String postType, String status, String postName, String content,
                       String excerpt, String dateGmt, String date, String creator, String attachmentUrl, List<Term> terms,
                       Map<String, String> meta, int comments, String parent) {}

    /** What the whole export holds, counted as WordPress's own importer counts. */
    public record Summary(String wxrVersion, String wpNamespace, String channelTitle, String baseSiteUrl, List<Author> authors, int categories,
                          int tags, int terms, int items, Map<String, Integer> itemsByPostType, Map<String, Integer> itemsByStatus, int comments,
                          @Nullable Item firstPost) {}

    /** The export could not be read: where and why (nothing is to be imported from it). */
    public static final class WxrException extends Exception {
        private final int line;
        private final int column;

        WxrException(String message, int line, int column) {
            super(message + (line > 0 ? " (line " + line + ", column " + column + ")" : ""));
            this.line = line;
            this.column = column;
        }

        public int line() { return line; }

        public int column() { return column; }
    }

    private WxrReader() {}

    private static XMLInputFactory factory() {
        var f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** The export's own WordPress namespace, as its root declares the wp prefix (elements in any other namespace are not WordPress's). */
    private @Nullable String documentNs;

    private boolean wp(@Nullable String ns) {
        if (ns == null) return false;
        var declared = documentNs;
        return declared != null ? ns.equals(declared) : ns.matches("https?://wordpress\\.org/export/1\\.[0-9]+/");
    }

    /** Reads the export, handing each item to {@code each}; returns the counts. */
    public static Summary read(InputStream in, Consumer<Item> each) throws WxrException { return new WxrReader().parse(in, each); }

    /** As {@link #read}, checking the whole export but leaving each item's content empty: a first pass that needs only its shape. */
    public static Summary scan(InputStream in, Consumer<Item> each) throws WxrException {
        var reader = new WxrReader();
        reader.withoutContent = true;
        return reader.parse(in, each);
    }

    private boolean withoutContent;

    private Summary parse(InputStream in, Consumer<Item> each) throws WxrException {
        XMLStreamReader r = null;
        try {
            r = factory().createXMLStreamReader(in);
            var authors = new ArrayList<Author>();
            var byType = new TreeMap<String, Integer>();
            var byStatus = new TreeMap<String, Integer>();
            int categories = 0;
            int tags = 0;
            int terms = 0;
            int items = 0;
            int comments = 0;
            String version = "";
            String namespace = "";
            String channelTitle = "";
            String baseSiteUrl = "";
            Item first = null;
            int depth = 0;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.DTD) throw new WxrException("A DOCTYPE is not allowed in a WordPress export (entities and external files are refused)", line(r), column(r));
                if (event == XMLStreamConstants.ENTITY_REFERENCE) throw new WxrException("Entity '&" + r.getLocalName() + ";' is not allowed", line(r), column(r));
                if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    continue;
                }
                if (event != XMLStreamConstants.START_ELEMENT) continue;
                depth++;
                if (depth == 1) {
                    var declared = r.getNamespaceURI("wp");
                    if (declared != null && declared.matches("https?://wordpress\\.org/export/1\\.[0-9]+/")) documentNs = declared;
                }
                var name = r.getLocalName();
                var ns = r.getNamespaceURI();
                if (depth == 3 && name.equals("title") && (ns == null || ns.isEmpty())) {
                    channelTitle = text(r);
                    depth--;
                } else if (wp(ns) && name.equals("wxr_version")) {
                    version = text(r);
                    namespace = ns;
                    depth--;
                } else if (wp(ns) && name.equals("base_site_url")) {
                    baseSiteUrl = text(r);
                    depth--;
                } else if (wp(ns) && name.equals("author") && depth == 3) {
                    var fields = fields(r, ns);
                    authors.add(new Author(fields.getOrDefault("author_login", ""), fields.getOrDefault("author_email", ""),
                        fields.getOrDefault("author_display_name", "")));
                    depth--;
                } else if (wp(ns) && name.equals("category") && depth == 3) {
                    categories++;
                    skip(r);
                    depth--;
                } else if (wp(ns) && name.equals("tag") && depth == 3) {
                    tags++;
                    skip(r);
                    depth--;
                } else if (wp(ns) && name.equals("term") && depth == 3) {
                    terms++;
                    skip(r);
                    depth--;
                } else if (name.equals("item") && depth == 3) {
                    var item = item(r);
                    depth--;
                    items++;
                    byType.merge(item.postType(), 1, Integer::sum);
                    byStatus.merge(item.status(), 1, Integer::sum);
                    comments += item.comments();
                    if (first == null && item.postType().equals("post")) first = item;
                    each.accept(item);
                }
            }
            return new Summary(version, namespace, channelTitle, baseSiteUrl, List.copyOf(authors), categories, tags, terms, items,
                Map.copyOf(byType), Map.copyOf(byStatus), comments, first);
        } catch (XMLStreamException e) {
            var at = e.getLocation();
            var message = e.getMessage() == null ? "malformed XML" : e.getMessage().replaceAll("^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
            throw new WxrException("Not a well-formed WordPress export: " + message, at == null ? 0 : at.getLineNumber(), at == null ? 0 : at.getColumnNumber());
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // closing after an error
                }
            }
        }
    }

    private static int line(XMLStreamReader r) { return r.getLocation() == null ? 0 : r.getLocation().getLineNumber(); }

    private static int column(XMLStreamReader r) { return r.getLocation() == null ? 0 : r.getLocation().getColumnNumber(); }

    /** The element's text (CDATA included), leaving the reader on its end tag. */
    private static String text(XMLStreamReader r) throws XMLStreamException, WxrException {
        var sb = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int e = r.next();
            switch (e) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> { if (depth == 1) sb.append(r.getText()); }
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new WxrException("Entity '&" + r.getLocalName() + ";' is not allowed", line(r), column(r));
                default -> { }
            }
        }
        return sb.toString();
    }

    private static void skip(XMLStreamReader r) throws XMLStreamException, WxrException { skipped(r); }

    /** Reads past the element (every event checked, as text() does), keeping nothing; "". */
    private static String skipped(XMLStreamReader r) throws XMLStreamException, WxrException {
        int depth = 1;
        while (depth > 0) {
            switch (r.next()) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new WxrException("Entity '&" + r.getLocalName() + ";' is not allowed", line(r), column(r));
                default -> { }
            }
        }
        return "";
    }

    /** The simple child elements of a wp: element (author, postmeta), by local name. */
    private static Map<String, String> fields(XMLStreamReader r, String ns) throws XMLStreamException, WxrException {
        var m = new LinkedHashMap<String, String>();
        while (true) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) m.put(r.getLocalName(), text(r));
            else if (e == XMLStreamConstants.END_ELEMENT) return m;
            else if (e == XMLStreamConstants.ENTITY_REFERENCE) throw new WxrException("Entity '&" + r.getLocalName() + ";' is not allowed", line(r), column(r));
        }
    }

    private Item item(XMLStreamReader r) throws XMLStreamException, WxrException {
        var f = new LinkedHashMap<String, String>();
        var byPrefix = new LinkedHashMap<String, String>(); // wp:… in another namespace: used only where the export's own is missing
        var terms = new ArrayList<Term>();
        var meta = new LinkedHashMap<String, String>();
        int comments = 0;
        while (true) {
            int e = r.next();
            if (e == XMLStreamConstants.END_ELEMENT) break;
            if (e == XMLStreamConstants.ENTITY_REFERENCE) throw new WxrException("Entity '&" + r.getLocalName() + ";' is not allowed", line(r), column(r));
            if (e != XMLStreamConstants.START_ELEMENT) continue;
            var name = r.getLocalName();
            var ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
            if (name.equals("category") && !wp(ns)) {
                var domain = r.getAttributeValue(null, "domain");
                var nicename = r.getAttributeValue(null, "nicename");
                terms.add(new Term(domain == null ? "category" : domain, nicename == null ? "" : nicename, text(r).strip()));
            } else if (wp(ns) && name.equals("postmeta")) {
                var kv = fields(r, ns);
                meta.put(kv.getOrDefault("meta_key", ""), kv.getOrDefault("meta_value", ""));
            } else if (wp(ns) && name.equals("comment")) {
                comments++;
                skip(r);
            } else {
                var prefix = r.getPrefix();
                var key = (ns.contains("purl.org/rss/1.0/modules/content") ? "content:" : ns.contains("excerpt") ? "excerpt:"
                    : ns.contains("purl.org/dc") ? "dc:" : wp(ns) ? "wp:" : "") + name;
                var value = withoutContent && key.equals("content:encoded") ? skipped(r) : text(r);
                if (!wp(ns) && "wp".equals(prefix)) byPrefix.putIfAbsent("wp:" + name, value);
                else f.putIfAbsent(key, value); // the first of a field wins (a second, in another guise, does not override it)
            }
        }
        byPrefix.forEach(f::putIfAbsent);
        return new Item(f.getOrDefault("title", ""), f.getOrDefault("link", ""), f.getOrDefault("wp:post_id", "").strip(),
            f.getOrDefault("wp:post_type", "post").strip(), f.getOrDefault("wp:status", "").strip(), f.getOrDefault("wp:post_name", "").strip(),
            f.getOrDefault("content:encoded", ""), f.getOrDefault("excerpt:encoded", ""), f.getOrDefault("wp:post_date_gmt", "").strip(),
            f.getOrDefault("wp:post_date", "").strip(), f.getOrDefault("dc:creator", "").strip(), f.getOrDefault("wp:attachment_url", "").strip(),
            List.copyOf(terms), Map.copyOf(meta), comments, f.getOrDefault("wp:post_parent", "").strip());
    }
}
