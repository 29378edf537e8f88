package org.masthead.wire;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.io.SyndFeedInput;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Reads an RSS (0.9x, 1.0, 2.0) or Atom feed, with Rome, into wire items: the entry's id (else its link) as
 * guid, its update time as version, content (else description) as text, author as byline, and image
 * enclosures or Media RSS pictures as photos. DOCTYPEs are refused, as Rome does by default.
 */
public final class FeedReader {
    private FeedReader() {}

    public static List<Incoming> read(byte[] bytes, String feedName) throws WireRefused {
        com.rometools.rome.feed.synd.SyndFeed feed;
        try {
            var input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(new com.rometools.rome.io.XmlReader(new ByteArrayInputStream(bytes)));
        } catch (com.rometools.rome.io.FeedException | java.io.IOException | IllegalArgumentException e) {
            throw new WireRefused("Not a readable RSS or Atom feed: " + e.getMessage());
        }
        var out = new ArrayList<Incoming>();
        var language = feed.getLanguage() == null ? "" : feed.getLanguage();
        for (var e : feed.getEntries()) {
            var item = item(e, feed.getTitle() == null ? feedName : feed.getTitle(), language);
            if (item != null) out.add(item);
        }
        return out;
    }

    private static Incoming item(SyndEntry e, String feedTitle, String language) {
        var guid = e.getUri() != null && !e.getUri().isBlank() ? e.getUri().strip() : e.getLink() == null ? "" : e.getLink().strip();
        var headline = e.getTitle() == null ? "" : org.jsoup.Jsoup.parse(e.getTitle()).text().strip();
        var content = e.getContents().isEmpty() ? "" : e.getContents().get(0).getValue();
        var description = e.getDescription() == null ? "" : e.getDescription().getValue();
        var body = content != null && !content.isBlank() ? content : description == null ? "" : description;
        if (guid.isEmpty() || (headline.isEmpty() && body.isBlank())) return null; // nothing to key it on, or nothing to read
        if (!body.contains("<")) body = NinjsReader.paragraphs(body);
        Date updated = e.getUpdatedDate() != null ? e.getUpdatedDate() : e.getPublishedDate();
        long version = updated == null ? 1 : Math.max(1, updated.getTime() / 1000);
        var photos = new ArrayList<Incoming.Photo>();
        for (var enc : e.getEnclosures()) {
            if (enc.getUrl() != null && enc.getType() != null && enc.getType().startsWith("image/")) {
                photos.add(new Incoming.Photo(enc.getUrl(), enc.getType(), 0, 0, "", feedTitle, "", "", "", headline));
            }
        }
        var media = (com.rometools.modules.mediarss.MediaEntryModule) e.getModule(com.rometools.modules.mediarss.MediaModule.URI);
        if (media != null && photos.isEmpty()) {
            for (var mc : media.getMediaContents()) {
                if (mc.getReference() == null || (mc.getType() != null && !mc.getType().startsWith("image/") && !"image".equals(mc.getMedium()))) continue;
                var md = mc.getMetadata();
                var caption = md != null && md.getDescription() != null ? md.getDescription() : "";
                var credit = md != null && md.getCredits() != null && md.getCredits().length > 0 ? md.getCredits()[0].getName() : feedTitle;
                var copyright = md != null && md.getCopyright() != null ? md.getCopyright() : "";
                photos.add(new Incoming.Photo(mc.getReference().toString(), mc.getType() == null ? "" : mc.getType(), mc.getWidth() == null ? 0 : mc.getWidth(),
                    mc.getHeight() == null ? 0 : mc.getHeight(), caption, credit, "", copyright, "", headline));
                break;
            }
        }
        var summary = content != null && !content.isBlank() && description != null ? org.jsoup.Jsoup.parse(description).text() : "";
        return new Incoming(guid, version, "RSS/Atom", headline.isEmpty() ? org.jsoup.Jsoup.parse(body).text() : headline, e.getAuthor() == null ? "" : e.getAuthor(),
            summary, body, "", null, null, "usable", language, List.copyOf(photos), List.of());
    }
}
