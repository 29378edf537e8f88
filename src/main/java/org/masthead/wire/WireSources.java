package org.masthead.wire;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.db.Database;
import org.masthead.http.OutboundGuard;
import org.masthead.media.PhotoText;
import org.masthead.media.PhotoUploads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where wire copy comes from besides pushes: RSS/Atom feeds polled on a schedule (job "wire-feeds":
 * conditional GET with the last ETag and Last-Modified, back-off doubling on each failure up to six
 * hours, Retry-After honoured) and a watched folder (job "wire-folder": each ninjs or NewsML-G2 file,
 * its pictures beside it read into the library with their IPTC metadata as uploads are, then moved to
 * {@code done/} or to {@code refused/} with the reason beside it).
 */
public final class WireSources {
    private static final Logger log = LoggerFactory.getLogger(WireSources.class);
    static final Duration MAX_BACKOFF = Duration.ofHours(6);
    private final Database db;
    private final Wire wire;
    private final OutboundGuard guard;
    private final PhotoUploads uploads;
    private final List<Feed> feeds;

    /** A feed by its name (the queue's source) and address. */
    public record Feed(String name, String url) {}
    private final Duration every;
    private final @Nullable Path folder;
    private final Clock clock;

    public WireSources(Database db, Wire wire, OutboundGuard guard, PhotoUploads uploads, List<Feed> feeds, Duration every, @Nullable Path folder, Clock clock) {
        this.db = db;
        this.wire = wire;
        this.guard = guard;
        this.uploads = uploads;
        this.feeds = List.copyOf(feeds);
        this.every = every;
        this.folder = folder;
        this.clock = clock;
        db.useTransaction(h -> {
            for (var f : feeds) {
                h.createUpdate("insert into wire_feed (name, url) values (:n, :u) on conflict (name) do update set url = excluded.url")
                    .bind("n", f.name()).bind("u", f.url()).execute();
            }
        });
    }

    /** What a feed's row says: for the newsroom and tests. */
    public record FeedState(String name, String url, String etag, String lastModified, long nextPollAt, int failures, String lastStatus, long polledAt) {}

    public List<FeedState> feedStates() {
        return db.read(h -> h.createQuery("select name, url, etag, last_modified, next_poll_at, failures, last_status, polled_at from wire_feed order by name")
            .map((rs, c) -> new FeedState(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getInt(6), rs.getString(7),
                rs.getLong(8))).list());
    }

    /** Job step: polls each configured feed that is due. */
    public void pollFeeds() {
        long now = clock.millis();
        for (var state : feedStates()) {
            if (state.nextPollAt() > now || feeds.stream().noneMatch(f -> f.name().equals(state.name()))) continue;
            poll(state, now);
        }
    }

    private void poll(FeedState state, long now) {
        var refusal = guard.refusal(state.url());
        if (refusal != null) {
            failed(state, now, "refused: " + refusal, null);
            return;
        }
        var request = new okhttp3.Request.Builder().url(state.url()).header("User-Agent", "Masthead-wire")
            .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5");
        if (!state.etag().isEmpty()) request.header("If-None-Match", state.etag());
        if (!state.lastModified().isEmpty()) request.header("If-Modified-Since", state.lastModified());
        try (var response = guard.client(Duration.ofSeconds(20)).newCall(request.build()).execute()) {
            if (response.code() == 304) {
                succeeded(state, now, "304 not modified", state.etag(), state.lastModified());
                return;
            }
            if (response.code() != 200) {
                failed(state, now, "HTTP " + response.code(), response.header("Retry-After"));
                return;
            }
            byte[] bytes;
            try (var in = response.body().byteStream()) {
                bytes = in.readNBytes(Wire.MAX_BYTES + 1);
            }
            if (bytes.length > Wire.MAX_BYTES) {
                failed(state, now, "larger than " + Wire.MAX_BYTES / 1024 / 1024 + " MB", null);
                return;
            }
            var outcomes = wire.ingest(state.name(), FeedReader.read(bytes, state.name()));
            long added = outcomes.stream().filter(o -> o instanceof Wire.Outcome.Added).count();
            succeeded(state, now, "200: " + outcomes.size() + " items, " + added + " new", nullToEmpty(response.header("ETag")),
                nullToEmpty(response.header("Last-Modified")));
        } catch (IOException | IllegalArgumentException e) {
            failed(state, now, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), null);
        } catch (WireRefused e) {
            failed(state, now, e.getMessage(), null);
        }
    }

    private static String nullToEmpty(@Nullable String s) { return s == null ? "" : s; }

    private void succeeded(FeedState state, long now, String status, String etag, String lastModified) {
        db.useTransaction(h -> h.createUpdate("update wire_feed set etag = :e, last_modified = :m, next_poll_at = :next, failures = 0, last_status = :s, "
                + "polled_at = :now where name = :n").bind("e", etag).bind("m", lastModified).bind("next", now + every.toMillis()).bind("s", status)
            .bind("now", now).bind("n", state.name()).execute());
    }

    /** Waits twice as long after each failure in a row (up to six hours), or what the server's Retry-After asks when longer. */
    private void failed(FeedState state, long now, String status, @Nullable String retryAfter) {
        int failures = state.failures() + 1;
        long wait = Math.min(MAX_BACKOFF.toMillis(), every.toMillis() << Math.min(failures, 10));
        if (retryAfter != null && retryAfter.matches("\\d{1,7}")) wait = Math.max(wait, Math.min(MAX_BACKOFF.toMillis(), Long.parseLong(retryAfter) * 1000));
        long next = now + wait;
        log.warn("wire feed {} failed ({}); trying again in {} s", state.name(), status, wait / 1000);
        db.useTransaction(h -> h.createUpdate("update wire_feed set next_poll_at = :next, failures = :f, last_status = :s, polled_at = :now where name = :n")
            .bind("next", next).bind("f", failures).bind("s", status).bind("now", now).bind("n", state.name()).execute());
    }

    /** Job step: ingests the files a feed or a person dropped in the watched folder (each at least a second old: written whole). */
    public void scanFolder() throws IOException {
        if (folder == null || !Files.isDirectory(folder)) return;
        var files = new ArrayList<Path>();
        try (var list = Files.list(folder)) {
            list.filter(Files::isRegularFile).filter(p -> {
                var n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                return !n.startsWith(".") && (n.endsWith(".json") || n.endsWith(".xml"));
            }).sorted().forEach(files::add);
        }
        long now = clock.millis();
        for (var file : files) {
            if (Files.getLastModifiedTime(file).toMillis() > now - 1000) continue; // still being written
            ingestFile(file);
        }
    }

    private void ingestFile(Path file) throws IOException {
        var moved = new ArrayList<Path>();
        String refusal;
        if (Files.size(file) > Wire.MAX_BYTES) {
            refusal = "larger than " + Wire.MAX_BYTES / 1024 / 1024 + " MB";
        } else {
            try {
                var items = new ArrayList<Incoming>();
                for (var item : Wire.read(Files.readAllBytes(file))) items.add(withLocalPhotos(item, moved));
                var outcomes = wire.ingest("folder", items);
                refusal = outcomes.stream().allMatch(o -> o instanceof Wire.Outcome.Refused)
                    ? String.join("; ", outcomes.stream().map(o -> ((Wire.Outcome.Refused) o).reason()).toList()) : null;
            } catch (WireRefused e) {
                refusal = e.getMessage();
            }
        }
        var to = Files.createDirectories(folder.resolve(refusal == null ? "done" : "refused"));
        for (var p : moved) Files.move(p, to.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Files.move(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        if (refusal != null) Files.writeString(to.resolve(file.getFileName() + ".txt"), refusal + "\n");
    }

    /** Pictures named beside the item (a relative href) go into the library now, with the wire's words over the file's own. */
    private Incoming withLocalPhotos(Incoming item, List<Path> moved) {
        var photos = new ArrayList<Incoming.Photo>();
        var base = folder.toAbsolutePath().normalize();
        var warnings = new ArrayList<>(item.warnings());
        for (var p : item.photos()) {
            if (p.href().contains("://") || p.href().isBlank()) {
                photos.add(p);
                continue;
            }
            var local = base.resolve(p.href()).normalize();
            if (!local.startsWith(base) || !Files.isRegularFile(local)) {
                warnings.add("Picture " + p.href() + " is not beside the item in the folder.");
                continue;
            }
            try {
                var stored = uploads.store(Files.readAllBytes(local), new PhotoText(p.caption(), p.credit(), p.creator(), p.copyright(), p.altText(), p.headline()), null);
                var s = stored.photo();
                photos.add(new Incoming.Photo(Wire.LIBRARY + s.id(), s.mime(), s.width(), s.height(), s.caption(), s.credit(), s.creator(), s.copyright(),
                    s.altText(), s.title()));
                if (!moved.contains(local)) moved.add(local);
            } catch (IOException | org.masthead.media.UploadRejected e) {
                warnings.add("Picture " + p.href() + ": " + e.getMessage());
            }
        }
        return new Incoming(item.guid(), item.version(), item.format(), item.headline(), item.byline(), item.summary(), item.bodyHtml(), item.dateline(),
            item.urgency(), item.embargoUntil(), item.pubStatus(), item.language(), List.copyOf(photos), List.copyOf(warnings));
    }
}
