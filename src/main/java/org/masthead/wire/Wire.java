package org.masthead.wire;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.account.User;
import org.masthead.article.ArticleDraft;
import org.masthead.article.BodySanitizer;
import org.masthead.article.PhotoUse;
import org.masthead.article.Publishing;
import org.masthead.db.Database;
import org.masthead.http.OutboundGuard;
import org.masthead.media.PhotoText;
import org.masthead.media.PhotoUploads;
import org.masthead.taxonomy.Slugs;
import org.masthead.taxonomy.TaxonomyStore;

/**
 * The wire queue's use cases: ingest an agency document (ninjs or NewsML-G2) from a source, keeping
 * one row per guid (a newer version updates it and raises an alarm on the story made from it; a
 * withdrawal raises a loud one), folding the same story from another feed into the first; "use" an
 * item as a draft with its pictures credited from the wire; dismiss one.
 */
public final class Wire {
    /** What ingest did with one item. */
    public sealed interface Outcome {
        String guid();

        record Added(long id, String guid, List<String> warnings) implements Outcome {}

        record Updated(long id, String guid, long version, @Nullable String flag) implements Outcome {}

        record Unchanged(long id, String guid, long version) implements Outcome {}

        record Folded(long id, String guid, String into) implements Outcome {}

        record Refused(String guid, String reason) implements Outcome {}
    }

    /** What "use" did: the draft made, with what could not be brought along; or why not. */
    public sealed interface Used {
        record Made(long storyId, List<String> notes) implements Used {}

        record Refused(int status, String reason) implements Used {}
    }

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    private final Database db;
    private final WireStore store;
    private final Publishing publishing;
    private final TaxonomyStore taxonomy;
    private final PhotoUploads uploads;
    private final OutboundGuard guard;
    private final Clock clock;

    public Wire(Database db, WireStore store, Publishing publishing, TaxonomyStore taxonomy, PhotoUploads uploads, OutboundGuard guard, Clock clock) {
        this.db = db;
        this.store = store;
        this.publishing = publishing;
        this.taxonomy = taxonomy;
        this.uploads = uploads;
        this.guard = guard;
        this.clock = clock;
    }

    public WireStore store() { return store; }

    /** Reads a document of either format (told by its first character) into its items. */
    public static List<Incoming> read(byte[] bytes) throws WireRefused {
        if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF || (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE)) {
            return NewsmlReader.read(bytes); // UTF-16 with its byte-order mark: XML (JSON is UTF-8 on the wire)
        }
        int i = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) i = 3;
        while (i < bytes.length && Character.isWhitespace(bytes[i])) i++;
        if (i == bytes.length) throw new WireRefused("The document is empty.");
        if (bytes[i] == '{' || bytes[i] == '[') return NinjsReader.read(bytes);
        if (bytes[i] == '<') return NewsmlReader.read(bytes);
        throw new WireRefused("Neither ninjs (JSON) nor NewsML-G2 (XML).");
    }

    /** Ingests one document from {@code source} ("api", a feed's name, a folder). */
    public List<Outcome> ingest(String source, byte[] bytes) {
        List<Incoming> items;
        try {
            if (bytes.length > MAX_BYTES) throw new WireRefused("The document is larger than " + MAX_BYTES / 1024 / 1024 + " MB.");
            items = read(bytes);
        } catch (WireRefused e) {
            return List.of(new Outcome.Refused("", e.getMessage()));
        }
        return ingest(source, items);
    }

    /** Ingests items already read (a feed's entries, a folder's file). */
    public List<Outcome> ingest(String source, List<Incoming> items) {
        var out = new ArrayList<Outcome>();
        for (var item : items) out.add(ingest(source, item));
        return out;
    }

    /** The same story from two feeds has the same key: its headline and opening words, letters and digits only. */
    static String contentKey(Incoming i) {
        var text = (i.headline() + " " + org.jsoup.Jsoup.parse(i.bodyHtml()).text()).toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
        return org.masthead.http.Digests.sha256Hex(text.length() > 300 ? text.substring(0, 300) : text);
    }

    Outcome ingest(String source, Incoming item) {
        var body = BodySanitizer.sanitize(item.bodyHtml());
        var key = contentKey(item);
        long now = clock.millis();
        return db.transaction(h -> {
            var same = store.findByGuid(h, item.guid());
            if (same.isPresent()) {
                var current = same.get();
                if (!current.source().equals(source) && !current.alsoFrom().contains(source)) {
                    store.alsoFrom(h, current.id(), (current.alsoFrom().isEmpty() ? "" : current.alsoFrom() + ", ") + source, now);
                }
                if (item.version() <= current.version() && item.pubStatus().equals(current.pubStatus())) {
                    return new Outcome.Unchanged(current.id(), item.guid(), current.version());
                }
                var flag = current.flag();
                if (current.storyId() != null) {
                    if (item.killed()) {
                        flag = "KILL: the wire " + (item.pubStatus().equals("canceled") ? "withdrew" : "withheld") + " “" + item.headline() + "” (version "
                            + item.version() + "). Do not publish this story; if it is published, take it down and tell the desk.";
                    } else if (!current.killed() || flag.isEmpty()) {
                        flag = "The wire sent version " + item.version() + " of “" + item.headline() + "” after this story was made from version "
                            + current.usedVersion() + ": compare it in the wire queue.";
                    }
                }
                store.update(h, current.id(), item, body, key, flag, now);
                return new Outcome.Updated(current.id(), item.guid(), item.version(), flag.isEmpty() ? null : flag);
            }
            var twin = store.findByContent(h, key, item.guid());
            if (twin.isPresent()) {
                var t = twin.get();
                if (!t.source().equals(source) && !t.alsoFrom().contains(source)) {
                    store.alsoFrom(h, t.id(), (t.alsoFrom().isEmpty() ? "" : t.alsoFrom() + ", ") + source, now);
                }
                return new Outcome.Folded(t.id(), item.guid(), t.guid());
            }
            return new Outcome.Added(store.insert(h, item, source, body, key, now), item.guid(), item.warnings());
        });
    }

    /**
     * Makes a draft from a queue item: its headline, summary as dek, text, byline as the wire wrote it (a leading "By" dropped),
     * dateline and embargo; its pictures fetched through the SSRF guard into the library with the wire's caption and credit (the
     * first the lead, the others in the text). A withdrawn item is refused; a used one answers with its story.
     */
    public Used use(User user, long id) {
        var item = store.find(id).orElse(null);
        if (item == null) return new Used.Refused(404, "No such wire item.");
        if (item.killed()) return new Used.Refused(409, "The wire withdrew this item (" + item.pubStatus() + "); it cannot be used.");
        if (item.state().equals("used") && item.storyId() != null) return new Used.Made(item.storyId(), List.of("Already used: this is its story."));
        if (item.state().equals("dismissed")) return new Used.Refused(409, "This item was dismissed.");
        var notes = new ArrayList<String>();
        var photos = new ArrayList<org.masthead.media.Photo>();
        for (var p : item.photos()) {
            var photo = fetch(user, p, notes);
            if (photo != null) photos.add(photo);
        }
        var section = taxonomy.findSectionBySlug("news").or(() -> taxonomy.listSections().stream().findFirst()).orElseThrow().id();
        var headline = org.masthead.importer.WxrImport.plain(item.headline(), 200);
        var byline = item.byline().replaceFirst("(?i)^by\\s+", "").strip();
        var body = new StringBuilder(item.bodyHtml());
        for (int i = 1; i < photos.size(); i++) body.append(org.masthead.importer.WxrContent.figure(photos.get(i), photos.get(i).caption(), null));
        var slug = Slugs.from(headline);
        var draft = new ArticleDraft(headline, org.masthead.importer.WxrImport.plain(item.summary(), 400), section,
            slug.length() > 80 ? slug.substring(0, 80).replaceAll("-+$", "") : slug, body.toString(),
            org.masthead.importer.WxrImport.plain(item.dateline(), 100), byline.isEmpty() ? List.of() : List.of(org.masthead.importer.WxrImport.plain(byline, 100)),
            List.of(), item.language());
        var result = publishing.create(user, draft, photos.isEmpty() ? null : PhotoUse.of(photos.get(0)));
        if (!(result instanceof Publishing.Result.Saved saved)) return new Used.Refused(422, "The draft could not be made: " + result);
        long storyId = saved.article().id();
        if (item.embargoed(clock.millis())) {
            publishing.embargo(user, storyId, item.embargoUntil());
            notes.add("Embargoed by the wire until " + java.time.Instant.ofEpochMilli(item.embargoUntil()) + "; the story carries the embargo.");
        }
        if (!store.markUsed(id, storyId, item.version(), clock.millis())) notes.add("Someone else used or dismissed this item meanwhile.");
        if (!notes.isEmpty()) store.addWarnings(id, notes);
        return new Used.Made(storyId, List.copyOf(notes));
    }

    /** A picture's place when it came with the item (a watched folder's file, already in the library): "library:" and its id. */
    public static final String LIBRARY = "library:";

    private org.masthead.media.@Nullable Photo fetch(User user, Incoming.Photo p, List<String> notes) {
        if (p.href().startsWith(LIBRARY)) {
            try {
                var found = uploads.find(Long.parseLong(p.href().substring(LIBRARY.length())));
                if (found.isEmpty()) notes.add("Photo " + p.href() + " is no longer in the library.");
                return found.orElse(null);
            } catch (NumberFormatException e) {
                notes.add("Photo " + p.href() + " is not a library photo.");
                return null;
            }
        }
        try {
            var bytes = guard.fetch(p.href(), uploads.maxBytes(), java.time.Duration.ofSeconds(20), "Masthead-wire");
            return uploads.store(bytes, new PhotoText(p.caption(), p.credit(), p.creator(), p.copyright(), p.altText(), p.headline()), user.id()).photo();
        } catch (java.io.IOException | org.masthead.media.UploadRejected e) {
            notes.add("Photo " + p.href() + " could not be brought: " + e.getMessage());
            return null;
        }
    }

    public boolean dismiss(long id) { return store.dismiss(id, clock.millis()); }
}
