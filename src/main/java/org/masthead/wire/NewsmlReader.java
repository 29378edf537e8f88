package org.masthead.wire;

import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads IPTC NewsML-G2 (2.x, namespace {@code http://iptc.org/std/nar/2006-10-01/}): news items
 * (text from NITF or XHTML {@code inlineXML}, or plain {@code inlineData}; pictures from
 * {@code remoteContent} with their caption, credit line, creator and copyright), packages (their
 * references listed), and news messages (each item inside). Concept, knowledge, planning and catalog
 * items, and fragments that are not a whole item, are refused with the reason. A DOCTYPE is refused.
 */
public final class NewsmlReader {
    static final String NAR = "http://iptc.org/std/nar/2006-10-01/";

    private NewsmlReader() {}

    public static List<Incoming> read(byte[] bytes) throws WireRefused {
        Element root;
        try {
            var f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            var b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            root = b.parse(new ByteArrayInputStream(bytes)).getDocumentElement();
        } catch (org.xml.sax.SAXParseException e) {
            throw new WireRefused("Not well-formed XML: " + e.getMessage() + " (line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ")");
        } catch (Exception e) {
            throw new WireRefused("Not readable XML: " + e.getMessage());
        }
        var name = root.getLocalName();
        if (!NAR.equals(root.getNamespaceURI())) {
            throw new WireRefused("<" + root.getNodeName() + "> is not a NewsML-G2 item (namespace " + root.getNamespaceURI() + "): "
                + (List.of("contentSet", "groupSet", "contentMeta", "itemMeta").contains(name) ? "it is a fragment of one." : "expected newsItem, packageItem or newsMessage."));
        }
        return switch (name) {
            case "newsItem" -> List.of(newsItem(root));
            case "packageItem" -> List.of(packageItem(root));
            case "newsMessage" -> {
                var out = new ArrayList<Incoming>();
                var set = child(root, "itemSet");
                var refused = new ArrayList<String>();
                if (set != null) {
                    for (var e : children(set)) {
                        try {
                            if (e.getLocalName().equals("newsItem")) out.add(newsItem(e));
                            else if (e.getLocalName().equals("packageItem")) out.add(packageItem(e));
                        } catch (WireRefused r) {
                            refused.add(e.getLocalName() + " " + (e.getAttribute("guid").isEmpty() ? "(no guid)" : e.getAttribute("guid")) + ": " + r.getMessage());
                        }
                    }
                }
                if (out.isEmpty()) {
                    throw new WireRefused("The news message carries no item the queue can use" + (refused.isEmpty() ? "." : ": " + String.join("; ", refused)));
                }
                if (!refused.isEmpty()) { // the others came; what did not is said on the first
                    var f = out.get(0);
                    var w = new ArrayList<>(f.warnings());
                    refused.forEach(r -> w.add("Not taken from this message: " + r));
                    out.set(0, new Incoming(f.guid(), f.version(), f.format(), f.headline(), f.byline(), f.summary(), f.bodyHtml(), f.dateline(), f.urgency(),
                        f.embargoUntil(), f.pubStatus(), f.language(), f.photos(), List.copyOf(w)));
                }
                yield out;
            }
            case "conceptItem", "knowledgeItem" -> throw new WireRefused("A NewsML-G2 " + name + " describes concepts (people, events, codes), not news copy.");
            case "planningItem" -> throw new WireRefused("A NewsML-G2 planningItem announces coverage to come; it is not copy to use.");
            case "catalogItem", "catalog" -> throw new WireRefused("A NewsML-G2 catalog defines codes; it is not news copy.");
            default -> throw new WireRefused("<" + name + "> is a fragment of a NewsML-G2 document, not a whole item.");
        };
    }

    private static List<Element> children(Element e) {
        var out = new ArrayList<Element>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) if (n instanceof Element el) out.add(el);
        return out;
    }

    private static @Nullable Element child(@Nullable Element e, String local) {
        if (e == null) return null;
        for (var c : children(e)) if (local.equals(c.getLocalName()) && NAR.equals(c.getNamespaceURI())) return c;
        return null;
    }

    private static List<Element> all(@Nullable Element e, String local) {
        var out = new ArrayList<Element>();
        if (e != null) for (var c : children(e)) if (local.equals(c.getLocalName()) && NAR.equals(c.getNamespaceURI())) out.add(c);
        return out;
    }

    private static String text(@Nullable Element e) { return e == null ? "" : e.getTextContent().strip().replaceAll("\\s+", " "); }

    /** A named thing's words: its {@code <name>} child, else its text. */
    private static String name(@Nullable Element e) {
        var n = child(e, "name");
        return n != null ? text(n) : text(e);
    }

    private static String qcode(@Nullable Element e) { return e == null ? "" : e.getAttribute("qcode"); }

    private static String firstWithRole(List<Element> elements, String... roles) {
        for (var role : roles) for (var e : elements) if (e.getAttribute("role").equals(role)) return text(e);
        return elements.isEmpty() ? "" : text(elements.get(0));
    }

    private record Common(String guid, long version, String itemClass, String pubStatus, @Nullable Long embargo, String headline, String by,
                          String summary, String dateline, @Nullable Integer urgency, String language, String creditline, String creator,
                          String copyright, String holder, List<String> warnings) {}

    private static Common common(Element item) throws WireRefused {
        var warnings = new ArrayList<String>();
        var guid = item.getAttribute("guid").strip();
        if (guid.isEmpty()) throw new WireRefused("The item has no guid: without it, a later version or a withdrawal could not find it.");
        long version = 1;
        try {
            if (!item.getAttribute("version").isBlank()) version = Long.parseLong(item.getAttribute("version").strip());
        } catch (NumberFormatException e) {
            warnings.add("version '" + item.getAttribute("version") + "' is not a number; taken as 1.");
        }
        var meta = child(item, "itemMeta");
        var content = child(item, "contentMeta");
        var rights = child(item, "rightsInfo");
        var status = qcode(child(meta, "pubStatus")).replaceFirst("^stat:", "");
        Long embargo = null;
        var emb = text(child(meta, "embargoed"));
        if (!emb.isEmpty()) {
            try {
                embargo = OffsetDateTime.parse(emb).toInstant().toEpochMilli();
            } catch (java.time.format.DateTimeParseException e) {
                warnings.add("embargoed '" + emb + "' is not a date-time; no embargo taken.");
            }
        }
        Integer urgency = null;
        var u = text(child(content, "urgency"));
        if (!u.isEmpty()) {
            try {
                urgency = Integer.parseInt(u);
            } catch (NumberFormatException e) {
                warnings.add("urgency '" + u + "' is not a number.");
            }
        }
        var language = child(content, "language") != null ? child(content, "language").getAttribute("tag") : item.getAttributeNS(XMLConstants.XML_NS_URI, "lang");
        var creators = all(content, "creator").stream().map(NewsmlReader::name).filter(s -> !s.isEmpty()).toList();
        var by = text(child(content, "by"));
        var located = child(content, "located");
        var dateline = text(child(content, "dateline"));
        if (dateline.isEmpty() && located != null) dateline = name(located);
        return new Common(guid, version, qcode(child(meta, "itemClass")), status.isEmpty() ? "usable" : status, embargo,
            firstWithRole(all(content, "headline"), "hld:main", ""), by.isEmpty() ? String.join(", ", creators) : by,
            firstWithRole(all(content, "description"), "drol:summary", "drol:caption", ""), dateline, urgency, language == null ? "" : language,
            text(child(content, "creditline")), String.join(", ", creators), text(child(rights, "copyrightNotice")), name(child(rights, "copyrightHolder")), warnings);
    }

    private static Incoming newsItem(Element item) throws WireRefused {
        var c = common(item);
        var set = child(item, "contentSet");
        var body = new StringBuilder();
        var photos = new ArrayList<Incoming.Photo>();
        var cls = c.itemClass();
        if (cls.endsWith("video") || cls.endsWith("audio")) {
            throw new WireRefused("“" + c.guid() + "” is " + cls.replaceFirst("^ninat:", "") + "; the wire queue takes text and pictures.");
        }
        if (set != null) {
            for (var e : children(set)) {
                switch (e.getLocalName()) {
                    case "inlineXML" -> {
                        var first = children(e).stream().findFirst();
                        if (first.isPresent() && NAR.equals(first.get().getNamespaceURI())  // G2's own markup: events or concepts, not copy
                            && java.util.Set.of("events", "event", "concepts", "concept", "conceptSet", "sports-content").contains(first.get().getLocalName())) {
                            throw new WireRefused("“" + c.guid() + "” carries " + first.get().getLocalName() + " (structured data: events, concepts or sports statistics), not copy.");
                        }
                        body.append(inlineXml(e));
                    }
                    case "inlineData" -> body.append(NinjsReader.paragraphs(e.getTextContent()));
                    case "remoteContent" -> {
                        var type = e.getAttribute("contenttype");
                        var href = e.getAttribute("href");
                        if (!href.isBlank() && (type.startsWith("image/") || cls.endsWith("picture") || cls.endsWith("graphic"))) {
                            photos.add(new Incoming.Photo(href, type, intAttr(e, "width"), intAttr(e, "height"), c.summary(),
                                c.creditline().isEmpty() ? c.holder() : c.creditline(), c.creator(), c.copyright(), "", c.headline()));
                        }
                    }
                    default -> { }
                }
            }
        }
        if (photos.size() > 1) { // renditions of one picture: keep the largest
            var best = photos.stream().max(java.util.Comparator.comparingInt(Incoming.Photo::width)).orElseThrow();
            photos.clear();
            photos.add(best);
        }
        if (body.isEmpty() && photos.isEmpty()) {
            throw new WireRefused("“" + c.guid() + "” (" + (cls.isEmpty() ? "no itemClass" : cls) + ") carries no text or picture this queue can use"
                + (set == null ? " (it has no contentSet)" : "") + ".");
        }
        var headline = c.headline();
        var warnings = new ArrayList<>(c.warnings());
        if (headline.isEmpty()) {
            var hl = firstText(set, "hl1");
            headline = hl.isEmpty() ? org.jsoup.Jsoup.parse(body.toString()).text() : hl;
            if (headline.length() > 120) headline = headline.substring(0, 119) + "…";
            if (hl.isEmpty()) warnings.add("No headline: the first words stand in for one.");
        }
        var by = c.by().isEmpty() ? firstText(set, "byline") : c.by();
        return new Incoming(c.guid(), c.version(), "NewsML-G2", headline, by, cls.endsWith("picture") ? "" : c.summary(), body.toString(),
            c.dateline(), c.urgency(), c.embargo(), c.pubStatus(), c.language(), List.copyOf(photos), List.copyOf(warnings));
    }

    private static Incoming packageItem(Element item) throws WireRefused {
        var c = common(item);
        var list = new StringBuilder();
        var groups = child(item, "groupSet");
        int refs = 0;
        if (groups != null) {
            for (var g : all(groups, "group")) {
                for (var ref : all(g, "itemRef")) {
                    var title = text(child(ref, "title"));
                    var li = new org.jsoup.nodes.Element("li").text((title.isEmpty() ? ref.getAttribute("residref") : title)
                        + " (" + qcode(child(ref, "itemClass")).replaceFirst("^ninat:", "") + ", " + ref.getAttribute("residref") + ")");
                    list.append(li.outerHtml());
                    refs++;
                }
            }
        }
        if (refs == 0) throw new WireRefused("The package “" + c.guid() + "” refers to no items.");
        var headline = c.headline().isEmpty() ? "Package: " + refs + " items" : c.headline();
        return new Incoming(c.guid(), c.version(), "NewsML-G2 package", headline, c.by(), c.summary(),
            "<p>This package brings " + refs + " items; each arrives as its own queue item:</p><ul>" + list + "</ul>", c.dateline(), c.urgency(),
            c.embargo(), c.pubStatus(), c.language(), List.of(), c.warnings());
    }

    private static int intAttr(Element e, String name) {
        try {
            return Integer.parseInt(e.getAttribute(name).strip());
        } catch (NumberFormatException ex) {
            return 0;
        }
    }

    private static String firstText(@Nullable Element e, String local) {
        if (e == null) return "";
        var found = e.getElementsByTagNameNS("*", local);
        return found.getLength() == 0 ? "" : found.item(0).getTextContent().strip().replaceAll("\\s+", " ");
    }

    /** The story text of an inlineXML: NITF's body.content, or XHTML's body, as HTML (sanitized later, as every body is). */
    private static String inlineXml(Element e) {
        var type = e.getAttribute("contenttype");
        var content = e.getElementsByTagNameNS("*", "body.content");
        Node from = content.getLength() > 0 ? content.item(0) : null;
        if (from == null) {
            var body = e.getElementsByTagNameNS("*", "body");
            from = body.getLength() > 0 && !type.contains("nitf") ? body.item(0) : null;
        }
        if (from == null) return NinjsReader.paragraphs(e.getTextContent());
        var out = new StringBuilder();
        for (Node n = from.getFirstChild(); n != null; n = n.getNextSibling()) out.append(html(n));
        return out.toString();
    }

    /** A DOM node as HTML: the elements that mean the same in NITF and XHTML kept, others as their text. */
    private static String html(Node n) {
        if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) return org.jsoup.nodes.Entities.escape(n.getNodeValue());
        if (!(n instanceof Element e)) return "";
        var tag = switch (e.getLocalName()) {
            case "p", "ul", "ol", "li", "em", "strong", "b", "i", "blockquote", "h2", "h3", "h4", "table", "tr", "td", "th", "br" -> e.getLocalName();
            case "hl2" -> "h2";
            case "a" -> "a";
            default -> "";
        };
        var inner = new StringBuilder();
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) inner.append(html(c));
        if (tag.isEmpty()) return inner.toString();
        var href = tag.equals("a") && !e.getAttribute("href").isBlank() ? " href=\"" + org.jsoup.nodes.Entities.escape(e.getAttribute("href")) + "\"" : "";
        return "<" + tag + href + ">" + inner + "</" + tag + ">";
    }
}
