package org.masthead.testing;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/** Small named inputs for tests. */
public final class Fixtures {
    private Fixtures() {}

    /** A real JPEG of the given size, distinct per {@code seed}. */
    public static byte[] jpeg(int width, int height, int seed) {
        var img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(new Color(seed * 40 % 256, seed * 90 % 256, 120));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The editor form for a new article in section {@code sectionId}, with overrides. */
    public static Map<String, String> articleForm(long sectionId, String headline, Map<String, String> overrides) {
        var m = new HashMap<String, String>();
        m.put("headline", headline);
        m.put("dek", "A short teaser about " + headline.toLowerCase());
        m.put("section", String.valueOf(sectionId));
        m.put("body", "<p>First paragraph of the story.</p><h2>Background</h2><p>More detail here.</p>");
        m.put("dateline", "HARROWGATE");
        m.put("bylines", "Clara Wren, Felix Adeyemi");
        m.put("tags", "Budget, Council");
        m.put("photo_caption", "Councillors leave the chamber after the vote in Harrowgate.");
        m.put("photo_credit", "MASTHEAD/Jane Doe");
        m.put("photo_creator", "Jane Doe");
        m.put("photo_alt", "Five councillors walking down stone steps");
        m.put("action", "save");
        m.putAll(overrides);
        m.putIfAbsent("confirm_new_names", m.get("bylines")); // the form's second step for a byline never used before
        m.putIfAbsent("confirm_new_tags", m.get("tags")); // and for a tag
        return m;
    }

    /** Makes these bylines known (as if stories had carried them), so a browser test's form needs no new-byline confirmation. */
    public static void knownAuthors(TestApp app, String... names) {
        app.services().db().useTransaction(h -> app.services().taxonomy().authorsNamed(h, java.util.List.of(names)));
    }

    /** Makes these tags known (as if stories had carried them), so a browser test's form needs no new-tag confirmation. */
    public static void knownTags(TestApp app, String... names) {
        app.services().db().useTransaction(h -> app.services().taxonomy().tagsNamed(h, java.util.List.of(names)));
    }

    /** The wire queue's use cases over this app's services; {@code allowPrivate} lets them fetch from a test server on loopback. */
    public static org.masthead.wire.Wire wire(TestApp app, boolean allowPrivate) {
        var s = app.services();
        return new org.masthead.wire.Wire(s.db(), new org.masthead.wire.WireStore(s.db()), s.publishing(), s.taxonomy(), s.uploads(),
            new org.masthead.http.OutboundGuard(allowPrivate), java.time.Clock.systemUTC());
    }

    /** A wire item in Arabic with a picture, pushed as a feed would (its photo is not fetched until someone uses it); returns its id. */
    public static long wireItem(TestApp app) {
        var wire = wire(app, false);
        var doc = """
            {"uri": "urn:test:wire:%s", "type": "text", "version": "1", "language": "ar", "urgency": 1, "pubStatus": "usable",
             "embargoed": "2030-01-01T00:00:00Z", "by": "سارة الخطيب", "located": "عمّان",
             "headlines": [{"role": "main", "value": "عاصفة تضرب الساحل"}],
             "bodies": [{"role": "main", "contentType": "text/plain", "value": "الفقرة الأولى.\\n\\nالفقرة الثانية."}],
             "associations": [{"name": "photo", "type": "picture", "uri": "urn:test:photo", "copyrightHolder": "WIRE/Ahmad",
               "descriptions": [{"role": "caption", "value": "أمواج تضرب الحاجز."}],
               "renditions": [{"name": "original", "href": "https://photos.example.com/storm.jpg", "contentType": "image/jpeg", "width": 2000, "height": 1000}]}]}
            """.formatted(java.util.UUID.randomUUID());
        var outcome = wire.ingest("test feed", doc.getBytes(java.nio.charset.StandardCharsets.UTF_8)).get(0);
        if (!(outcome instanceof org.masthead.wire.Wire.Outcome.Added added)) throw new IllegalStateException("not added: " + outcome);
        return added.id();
    }
}
