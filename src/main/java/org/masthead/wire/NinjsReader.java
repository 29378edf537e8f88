package org.masthead.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Reads IPTC ninjs 1.x (headline, body_xhtml, renditions as a map), 2.x (headlines, bodies) and
 * 3.x (the same in camelCase, renditions as a list), telling the version by the item's own
 * {@code standard} or else its shape. Each item is validated against its version's IPTC schema;
 * what breaks the schema is a warning, not a refusal, as real agency feeds break it. Refused: what is
 * not an item, and items with nothing for a newsroom to read (events, planning, video or audio without text).
 */
public final class NinjsReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private NinjsReader() {}

    /** The IPTC schema of a ninjs version ("1.6", "2.2", "3.0", "3.1"), loaded from the classpath with GeoJSON mapped there too. */
    public static JsonSchema schema(String version) {
        return SCHEMAS.computeIfAbsent(version, v -> {
            var flag = v.startsWith("1.") ? SpecVersion.VersionFlag.V7 : SpecVersion.VersionFlag.V202012;
            var factory = JsonSchemaFactory.getInstance(flag, b -> b.schemaMappers(m -> m.mapPrefix("https://geojson.org/schema/GeoJSON.json",
                "classpath:wire/ninjs/GeoJSON.json")));
            var config = com.networknt.schema.SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return factory.getSchema(com.networknt.schema.SchemaLocation.of("classpath:wire/ninjs/ninjs-schema_" + v + ".json"), config);
        });
    }

    /** What the schema of {@code version} says is wrong with {@code node}, at most 10 messages. */
    public static List<String> violations(JsonNode node, String version) {
        return schema(version).validate(node).stream().limit(10).map(m -> m.getMessage()).toList();
    }

    /** The items of one ninjs document (an object, or an array of them). */
    public static List<Incoming> read(byte[] bytes) throws WireRefused {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new WireRefused("Not JSON: " + e.getOriginalMessage() + " (line " + (e.getLocation() == null ? 0 : e.getLocation().getLineNr()) + ")");
        } catch (java.io.IOException e) {
            throw new WireRefused("Not JSON: " + e.getMessage());
        }
        if (root == null || !(root.isObject() || root.isArray())) throw new WireRefused("A ninjs item is a JSON object.");
        var out = new ArrayList<Incoming>();
        if (root.isArray()) {
            for (var n : root) out.add(item(n));
        } else {
            out.add(item(root));
        }
        return out;
    }

    /** "1.6", "2.2" or "3.1": the schema an item is checked against, from its {@code standard} or else its shape. */
    static String version(JsonNode n) {
        var declared = n.path("standard").path("version").asText(n.path("$standard").path("version").asText(""));
        if (declared.startsWith("1")) return "1.6";
        if (declared.startsWith("2")) return "2.2";
        if (declared.startsWith("3")) return "3.1";
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            var f = it.next();
            if (f.equals("versionCreated") || f.equals("firstCreated") || f.equals("pubStatus") || f.equals("copyrightNotice") || f.equals("eventDetails")
                || f.equals("contentCreated") || f.equals("copyrightHolder")) return "3.1";
        }
        for (var list : List.of(n.path("bodies"), n.path("renditions"), n.path("descriptions"))) { // 3.x writes contentType, 2.x contenttype
            for (var e : list) if (e.has("contentType")) return "3.1";
        }
        if (n.has("headlines") || n.has("bodies") || n.has("descriptions") || n.has("by")) return "2.2";
        return "1.6";
    }

    private static String text(JsonNode n, String... names) {
        for (var name : names) {
            var v = n.get(name);
            if (v != null && v.isObject() && v.path("name").isTextual()) v = v.get("name"); // a holder as {"name": …}, as some feeds send it
            if (v != null && v.isTextual() && !v.asText().isBlank()) return v.asText().strip();
        }
        return "";
    }

    /** The value of the first entry of a 2.x/3.x list ("headlines", "bodies") with one of {@code roles}, else of the first entry. */
    private static String role(JsonNode list, List<String> roles, boolean html) {
        if (!list.isArray() || list.isEmpty()) return "";
        JsonNode pick = null;
        for (var role : roles) {
            for (var e : list) {
                var type = e.path("contentType").asText(e.path("contenttype").asText(""));
                boolean isHtml = type.contains("html") || type.contains("xml");
                if (e.path("role").asText("").equals(role) && (html == isHtml || type.isEmpty())) {
                    pick = e;
                    break;
                }
            }
            if (pick != null) break;
        }
        if (pick == null) {
            for (var e : list) {
                var type = e.path("contentType").asText(e.path("contenttype").asText(""));
                if ((type.contains("html") || type.contains("xml")) == html) {
                    pick = e;
                    break;
                }
            }
        }
        return pick == null ? "" : pick.path("value").asText("").strip();
    }

    static Incoming item(JsonNode n) throws WireRefused {
        if (!n.isObject()) throw new WireRefused("A ninjs item is a JSON object.");
        var version = version(n);
        var warnings = new ArrayList<String>();
        violations(n, version).forEach(v -> warnings.add("ninjs " + version + " schema: " + v));
        var uri = text(n, "uri", "guid");
        if (uri.isEmpty()) throw new WireRefused("The item has no uri: without it, a later version or a withdrawal could not find it.");
        var type = text(n, "type");
        if (type.equals("event") || type.equals("planning") || n.has("eventDetails") || n.has("planningDetails")) {
            throw new WireRefused("“" + uri + "” is an event or planning item (ninjs " + version + "), not copy: the wire queue takes text and pictures.");
        }
        var headline = text(n, "headline", "headline_main", "headline_simple");
        if (headline.isEmpty()) headline = role(n.path("headlines"), List.of("main", "default", ""), false);
        if (headline.isEmpty()) headline = text(n, "title");
        var html = text(n, "body_xhtml", "body_html", "body_richtext");
        if (html.isEmpty()) html = role(n.path("bodies"), List.of("richtext", "main", ""), true);
        var plain = text(n, "body_text", "body_main");
        if (plain.isEmpty()) plain = role(n.path("bodies"), List.of("main", "text", ""), false);
        if (html.isEmpty() && plain.isEmpty() && (type.isEmpty() || type.equals("text"))) {
            plain = role(n.path("descriptions"), List.of("text"), false); // NTB sends its text so
        }
        var body = !html.isEmpty() ? html : paragraphs(plain);
        var summary = text(n, "description_text", "description_main");
        if (summary.isEmpty()) summary = role(n.path("descriptions"), List.of("summary", "caption", "main", ""), false);
        if (summary.isEmpty()) summary = org.jsoup.Jsoup.parse(text(n, "description_xhtml", "description_richtext")).text();
        var by = text(n, "byline", "by");
        var copyright = text(n, "copyrightnotice", "copyrightNotice");
        var photos = new ArrayList<Incoming.Photo>();
        if (type.equals("picture") || type.equals("graphic")) {
            var p = photo(n.path("renditions"), headline, summary, by, text(n, "copyrightholder", "copyrightHolder"), copyright);
            if (p != null) photos.add(p);
        }
        var assoc = n.path("associations");
        for (var a : assoc.isArray() ? list(assoc) : values(assoc)) {
            var atype = text(a, "type");
            if (!atype.isEmpty() && !atype.equals("picture") && !atype.equals("graphic")) continue;
            var aHeadline = text(a, "headline", "headline_main");
            if (aHeadline.isEmpty()) aHeadline = role(a.path("headlines"), List.of("main", ""), false);
            var aSummary = text(a, "description_text", "body_text");
            if (aSummary.isEmpty()) aSummary = role(a.path("descriptions"), List.of("caption", "summary", "main", ""), false);
            var p = photo(a.path("renditions"), aHeadline, aSummary, text(a, "byline", "by"), text(a, "copyrightholder", "copyrightHolder"),
                text(a, "copyrightnotice", "copyrightNotice"));
            if (p != null) photos.add(p);
        }
        boolean media = type.equals("video") || type.equals("audio");
        if (body.isBlank() && photos.isEmpty()) {
            throw new WireRefused("“" + uri + "” has no text " + (media ? "(it is " + type + "; the queue takes text and pictures)" : "and no picture") + ": nothing to use.");
        }
        if (headline.isEmpty()) {
            headline = org.jsoup.Jsoup.parse(summary.isEmpty() ? body : summary).text();
            headline = headline.length() > 120 ? headline.substring(0, 119) + "…" : headline;
            warnings.add("No headline: the first words stand in for one.");
        }
        long v = 1;
        var vs = text(n, "version");
        if (!vs.isEmpty()) {
            try {
                v = Long.parseLong(vs.replaceAll("[^0-9]", "").isEmpty() ? "1" : vs.replaceAll("[^0-9]", ""));
            } catch (NumberFormatException e) {
                warnings.add("version '" + vs + "' is not a number; taken as 1.");
            }
        }
        Integer urgency = n.path("urgency").canConvertToInt() && n.path("urgency").isNumber() ? n.path("urgency").asInt() : null;
        var status = text(n, "pubstatus", "pubStatus");
        return new Incoming(uri, v, "ninjs " + version.charAt(0) + ".x", headline, by, summary, body, text(n, "located"), urgency,
            date(text(n, "embargoed"), warnings), status.isEmpty() ? "usable" : status, text(n, "language"), List.copyOf(photos), List.copyOf(warnings));
    }

    private static List<JsonNode> list(JsonNode n) {
        var out = new ArrayList<JsonNode>();
        n.forEach(out::add);
        return out;
    }

    private static List<JsonNode> values(JsonNode n) {
        var out = new ArrayList<JsonNode>();
        if (n.isObject()) n.properties().forEach(e -> out.add(e.getValue()));
        return out;
    }

    /** The largest image rendition, with these words. */
    private static Incoming.@Nullable Photo photo(JsonNode renditions, String headline, String caption, String by, String holder, String copyright) {
        JsonNode best = null;
        for (var r : renditions.isArray() ? list(renditions) : values(renditions)) {
            var mime = r.path("contentType").asText(r.path("mimetype").asText(r.path("contenttype").asText("")));
            if (!mime.isEmpty() && !mime.startsWith("image/")) continue;
            if (r.path("href").asText("").isBlank()) continue;
            if (best == null || r.path("width").asInt(0) > best.path("width").asInt(0)) best = r;
        }
        if (best == null) return null;
        var mime = best.path("contentType").asText(best.path("mimetype").asText(best.path("contenttype").asText("")));
        var credit = !holder.isEmpty() ? holder : by;
        return new Incoming.Photo(best.path("href").asText(), mime, best.path("width").asInt(0), best.path("height").asInt(0), caption, credit, by,
            copyright, "", headline);
    }

    private static @Nullable Long date(String s, List<String> warnings) {
        if (s.isEmpty()) return null;
        try {
            return OffsetDateTime.parse(s).toInstant().toEpochMilli();
        } catch (java.time.format.DateTimeParseException e) {
            warnings.add("embargoed '" + s + "' is not a date-time; no embargo taken.");
            return null;
        }
    }

    /** Plain text as paragraphs: a blank line (or, in one-line copy, nothing) between them. */
    static String paragraphs(String plain) {
        if (plain.isBlank()) return "";
        var out = new StringBuilder();
        for (var p : plain.strip().split("\\r?\\n\\s*\\n|\\r?\\n")) {
            if (!p.isBlank()) out.append("<p>").append(org.jsoup.nodes.Entities.escape(p.strip())).append("</p>");
        }
        return out.toString();
    }
}
