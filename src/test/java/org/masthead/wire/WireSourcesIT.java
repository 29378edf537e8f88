package org.masthead.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.db.Database;
import org.masthead.http.OutboundGuard;
import org.masthead.testing.Fixtures;
import org.masthead.testing.TestApp;
import org.masthead.testing.Testdata;

/** Issue 11: RSS/Atom polled with conditional GET and back-off, and a watched folder, into the wire queue. */
class WireSourcesIT {
    /** A clock the test moves. */
    static final class Hands extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-02T08:00:00Z"));

        @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }

        @Override public Clock withZone(java.time.ZoneId zone) { return this; }

        @Override public Instant instant() { return now.get(); }

        void add(Duration d) { now.updateAndGet(i -> i.plus(d)); }
    }

    static final String RSS = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Harbour Wire</title><link>https://harbour.example/</link>
        <language>en</language>
        <item><title>Ferry strike ends</title><link>https://harbour.example/ferry</link><guid>urn:harbour:ferry</guid>
          <pubDate>Wed, 02 Dec 2026 07:00:00 GMT</pubDate><author>desk@harbour.example (Jo Reporter)</author>
          <description>Crews return to work.</description>
          <media:content url="https://photos.harbour.example/ferry.jpg" type="image/jpeg" width="1200" height="800">
            <media:description>The first ferry leaves.</media:description><media:credit>HARBOUR WIRE/Ann Lens</media:credit></media:content></item>
        <item><title>Tide tables</title><link>https://harbour.example/tides</link><description>High water at noon.</description></item>
        </channel></rss>
        """;

    @Test
    void a_feed_is_polled_with_conditional_get_and_backs_off_on_errors_issue_11() throws Exception {
        try (var app = TestApp.start(Database.Engine.SQLITE)) {
            var answer = new AtomicInteger(200);
            var sawConditional = new AtomicInteger();
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/rss", x -> {
                if ("\"v1\"".equals(x.getRequestHeaders().getFirst("If-None-Match"))) sawConditional.incrementAndGet();
                int code = answer.get();
                if (code == 200 && "\"v1\"".equals(x.getRequestHeaders().getFirst("If-None-Match"))) code = 304;
                if (code == 503) x.getResponseHeaders().add("Retry-After", "7200");
                if (code != 200) {
                    x.sendResponseHeaders(code, -1);
                    x.close();
                    return;
                }
                var body = RSS.getBytes(StandardCharsets.UTF_8);
                x.getResponseHeaders().add("ETag", "\"v1\"");
                x.sendResponseHeaders(200, body.length);
                x.getResponseBody().write(body);
                x.close();
            });
            server.start();
            try {
                var clock = new Hands();
                var sources = new WireSources(app.services().db(), Fixtures.wire(app, true), new OutboundGuard(true), app.services().uploads(),
                    List.of(new WireSources.Feed("Harbour", "http://127.0.0.1:" + server.getAddress().getPort() + "/rss")), Duration.ofMinutes(5), null, clock);
                sources.pollFeeds();
                var queue = new WireStore(app.services().db()).queue(50);
                assertThat(queue).extracting(WireItem::headline).contains("Ferry strike ends", "Tide tables");
                var ferry = queue.stream().filter(i -> i.guid().equals("urn:harbour:ferry")).findFirst().orElseThrow();
                assertThat(ferry.source()).isEqualTo("Harbour");
                assertThat(ferry.photos()).hasSize(1);
                assertThat(ferry.photos().get(0).credit()).isEqualTo("HARBOUR WIRE/Ann Lens");
                assertThat(ferry.photos().get(0).caption()).isEqualTo("The first ferry leaves.");
                assertThat(sources.feedStates().get(0).etag()).isEqualTo("\"v1\"");
                sources.pollFeeds(); // not due yet: no request
                assertThat(sawConditional.get()).isZero();
                clock.add(Duration.ofMinutes(5));
                sources.pollFeeds();
                assertThat(sawConditional.get()).as("the second poll is conditional").isEqualTo(1);
                assertThat(sources.feedStates().get(0).lastStatus()).startsWith("304");
                answer.set(500);
                clock.add(Duration.ofMinutes(5));
                sources.pollFeeds();
                var failed = sources.feedStates().get(0);
                assertThat(failed.failures()).isEqualTo(1);
                assertThat(failed.nextPollAt() - clock.millis()).as("backs off: twice the interval").isEqualTo(Duration.ofMinutes(10).toMillis());
                answer.set(503);
                clock.add(Duration.ofMinutes(10));
                sources.pollFeeds();
                assertThat(sources.feedStates().get(0).nextPollAt() - clock.millis()).as("Retry-After when longer").isEqualTo(Duration.ofHours(2).toMillis());
                answer.set(200);
                clock.add(Duration.ofHours(2));
                sources.pollFeeds();
                assertThat(sources.feedStates().get(0).failures()).isZero();
                assertThat(new WireStore(app.services().db()).queue(50).stream().filter(i -> i.guid().equals("urn:harbour:ferry"))).hasSize(1);
                // A private address is refused when the guard says so, and counted as a failure, not an error.
                var guarded = new WireSources(app.services().db(), Fixtures.wire(app, false), new OutboundGuard(false), app.services().uploads(),
                    List.of(new WireSources.Feed("Inside", "http://127.0.0.1:9/rss")), Duration.ofMinutes(5), null, clock);
                guarded.pollFeeds();
                assertThat(guarded.feedStates().stream().filter(f -> f.name().equals("Inside")).findFirst().orElseThrow().lastStatus()).startsWith("refused");
            } finally {
                server.stop(0);
            }
        }
    }

    @Test
    void atom_entries_are_read_too() throws Exception {
        var items = FeedReader.read(Files.readAllBytes(Testdata.resolve("feeds/feedvalidator-testcases/atom/3/ws-entry-published.xml")), "Example");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).guid()).isEqualTo("urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a");
        assertThat(items.get(0).headline()).isEqualTo("Atom-Powered Robots Run Amok");
    }

    @Test
    void a_watched_folder_brings_items_with_their_pictures_read_as_uploads_are_and_refuses_others_with_the_reason_issue_11(@TempDir Path folder) throws Exception {
        try (var app = TestApp.start(Database.Engine.SQLITE)) {
            Files.copy(Testdata.resolve("photos/iptc-reference/IPTC-PhotometadataRef-Std2021.1.jpg"), folder.resolve("ref.jpg"));
            Files.writeString(folder.resolve("storm.json"), """
                {"uri": "urn:folder:storm", "type": "text", "versionCreated": "2026-12-02T07:00:00Z", "by": "Jo Reporter",
                 "headlines": [{"role": "main", "value": "Storm closes the port"}],
                 "bodies": [{"role": "main", "contentType": "text/plain", "value": "Ships stay in."}],
                 "associations": [{"name": "photo", "type": "picture", "uri": "urn:folder:photo", "copyrightHolder": "FOLDER WIRE",
                   "renditions": [{"name": "original", "href": "ref.jpg", "contentType": "image/jpeg"}]}]}
                """);
            Files.copy(Testdata.resolve("newsml-g2/examples/LISTING_17_Planning_Item_a_CCL.xml"), folder.resolve("planning.xml"));
            Files.writeString(folder.resolve("notes.txt"), "not for the wire");
            for (var f : List.of("storm.json", "planning.xml", "ref.jpg")) Files.setLastModifiedTime(folder.resolve(f), FileTime.from(Instant.now().minusSeconds(10)));
            var sources = new WireSources(app.services().db(), Fixtures.wire(app, false), new OutboundGuard(false), app.services().uploads(), List.of(),
                Duration.ofMinutes(5), folder, Clock.systemUTC());
            sources.scanFolder();
            var item = new WireStore(app.services().db()).queue(50).stream().filter(i -> i.guid().equals("urn:folder:storm")).findFirst().orElseThrow();
            assertThat(item.source()).isEqualTo("folder");
            assertThat(item.photos().get(0).href()).startsWith(Wire.LIBRARY);
            var photo = app.services().uploads().find(Long.parseLong(item.photos().get(0).href().substring(Wire.LIBRARY.length()))).orElseThrow();
            assertThat(photo.credit()).as("the wire's words first").isEqualTo("FOLDER WIRE");
            assertThat(photo.creator()).as("then the file's IPTC").contains("Creator1");
            assertThat(folder.resolve("done/storm.json")).exists();
            assertThat(folder.resolve("done/ref.jpg")).exists();
            assertThat(folder.resolve("refused/planning.xml")).exists();
            assertThat(Files.readString(folder.resolve("refused/planning.xml.txt"))).contains("planningItem");
            assertThat(folder.resolve("notes.txt")).as("not a wire file: left alone").exists();
            var editor = app.signedIn("folder-editor@example.com", org.masthead.account.Role.EDITOR);
            var used = editor.post("/newsroom/wire/" + item.id() + "/use", java.util.Map.of());
            var story = app.services().articles().find(Long.parseLong(used.header("Location").replaceAll("^/newsroom/articles/(\\d+).*$", "$1"))).orElseThrow();
            assertThat(story.leadPhoto().id()).isEqualTo(photo.id());
        }
    }
}
