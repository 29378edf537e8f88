package org.masthead.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.masthead.account.Role;
import org.masthead.db.Database;
import org.masthead.testing.Browser;
import org.masthead.testing.Fixtures;
import org.masthead.testing.TestApp;

/** Signed webhooks with retries, surviving a restart, listed in the newsroom; a receiver runs inside the test. */
abstract class WebhooksIT {
    abstract Database.Engine engine();

    record Received(String event, String signature, String body) {}

    static HttpServer receiver(int port, List<Received> got, AtomicInteger failFirst) throws Exception {
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/hook", ex -> {
            var body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (failFirst.getAndDecrement() > 0) {
                ex.sendResponseHeaders(500, -1);
            } else {
                got.add(new Received(ex.getRequestHeaders().getFirst("X-Masthead-Event"), ex.getRequestHeaders().getFirst("X-Masthead-Signature"), body));
                ex.sendResponseHeaders(204, -1);
            }
            ex.close();
        });
        server.start();
        return server;
    }

    static String register(Browser admin, String url) {
        var res = admin.post("/newsroom/webhooks", Map.of("url", url, "events", "article.published"));
        assertThat(res.status()).as(res.body()).isEqualTo(201);
        var m = Pattern.compile("<code>(whsec_[A-Za-z0-9_-]+)</code>").matcher(res.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    static long publish(TestApp app, Browser editor, String headline) {
        var form = Fixtures.articleForm(app.services().taxonomy().listSections().get(0).id(), headline, Map.of("action", "publish"));
        var res = editor.postMultipart("/newsroom/articles", form, "photo", "", null);
        return Long.parseLong(res.header("Location").replaceAll("^/newsroom/articles/(\\d+).*$", "$1"));
    }

    static void waitFor(java.util.function.BooleanSupplier c) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!c.getAsBoolean() && System.nanoTime() < deadline) Thread.sleep(50);
        assertThat(c.getAsBoolean()).isTrue();
    }

    @Test
    void publishing_delivers_a_signed_event_retried_after_a_failure() throws Exception {
        var got = new CopyOnWriteArrayList<Received>();
        var server = receiver(0, got, new AtomicInteger(1));
        var settings = Map.of("http.allow-private-targets", "true", "webhooks.retry-base-millis", "200");
        try (var app = TestApp.start(engine(), settings)) {
            var admin = app.signedIn("hooks@example.com", Role.ADMIN);
            var secret = register(admin, "http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
            long id = publish(app, admin, "Webhook story");
            waitFor(() -> got.size() == 1);
            var r = got.get(0);
            assertThat(r.event()).isEqualTo("article.published");
            var payload = new ObjectMapper().readTree(r.body());
            assertThat(payload.get("article").get("id").asLong()).isEqualTo(id);
            var sig = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})").matcher(r.signature());
            assertThat(sig.matches()).isTrue();
            assertThat(sig.group(2)).isEqualTo(Webhooks.sign(secret, sig.group(1) + "." + r.body()));
            var page = admin.get("/newsroom/webhooks").body();
            assertThat(page).contains("status-delivered").contains(">2</td>"); // delivered on the second attempt
            assertThat(admin.post("/newsroom/webhooks", Map.of("url", "ftp://example.org/x", "events", "article.published")).body()).contains("only http and https");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void each_workflow_move_and_a_kill_has_its_webhook_event_issue_9() throws Exception {
        var got = new CopyOnWriteArrayList<Received>();
        var server = receiver(0, got, new AtomicInteger(0));
        try (var app = TestApp.start(engine(), Map.of("http.allow-private-targets", "true"))) {
            var admin = app.signedIn("hooks-moves@example.com", Role.ADMIN);
            var url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
            var events = java.util.List.of("article.submitted", "article.approved", "article.scheduled", "article.unscheduled", "article.published",
                "article.corrected", "article.killed", "article.restored");
            admin.get("/newsroom/webhooks");
            var res = admin.postRaw("/newsroom/webhooks", "application/x-www-form-urlencoded",
                ("url=" + java.net.URLEncoder.encode(url, StandardCharsets.UTF_8) + "&_csrf=" + admin.csrf()
                    + events.stream().map(e -> "&events=" + e).reduce("", String::concat)).getBytes(StandardCharsets.UTF_8), Map.of());
            assertThat(res.status()).as(res.body()).isEqualTo(201);
            var user = app.services().users().findByEmail("hooks-moves@example.com").orElseThrow();
            var p = app.services().publishing();
            long section = app.services().taxonomy().listSections().get(0).id();
            long id = ((org.masthead.article.Publishing.Result.Saved) p.create(user, new org.masthead.article.ArticleDraft("Moving story", "", section, "",
                "<p>x</p>", "", java.util.List.of(), java.util.List.of()), (org.masthead.article.PhotoUse) null)).article().id();
            p.move(user, id, org.masthead.article.Transition.SUBMIT, null, "");
            p.move(user, id, org.masthead.article.Transition.APPROVE, null, "");
            p.move(user, id, org.masthead.article.Transition.SCHEDULE, System.currentTimeMillis() + 3_600_000, "");
            p.move(user, id, org.masthead.article.Transition.UNSCHEDULE, null, "");
            p.move(user, id, org.masthead.article.Transition.PUBLISH, null, "");
            p.addCorrection(user, id, org.masthead.article.Correction.Kind.CORRECTION, "Fixed a name.");
            p.move(user, id, org.masthead.article.Transition.KILL, null, "Legal");
            p.move(user, id, org.masthead.article.Transition.RESTORE, null, "");
            waitFor(() -> got.size() == events.size());
            assertThat(got).extracting(Received::event).containsExactlyInAnyOrderElementsOf(events);
            var killed = got.stream().filter(r -> r.event().equals("article.killed")).findFirst().orElseThrow();
            assertThat(new ObjectMapper().readTree(killed.body()).get("article").get("headline").asText()).isEqualTo("Moving story");
            var submitted = got.stream().filter(r -> r.event().equals("article.submitted")).findFirst().orElseThrow();
            assertThat(new ObjectMapper().readTree(submitted.body()).get("article").get("id").asLong()).isEqualTo(id);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void pending_deliveries_survive_a_restart_and_private_targets_need_permission() throws Exception {
        var dir = Files.createTempDirectory("webhooks-");
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        var settings = new java.util.HashMap<>(Map.of("data.dir", dir.toString(), "http.allow-private-targets", "true", "webhooks.retry-base-millis", "200"));
        String pgName = null;
        if (engine() == Database.Engine.POSTGRESQL) { // one database for both starts, like a real restart
            pgName = "masthead_hooks_" + System.nanoTime();
            try (var c = java.sql.DriverManager.getConnection(TestApp.PG_ADMIN_URL, "postgres", ""); var st = c.createStatement()) {
                st.execute("create database " + pgName);
            }
            settings.put("database.url", "jdbc:postgresql://127.0.0.1:5432/" + pgName);
            settings.put("database.user", "postgres");
        }
        try (var app = TestApp.start(Database.Engine.SQLITE, settings)) {
            var admin = app.signedIn("restart@example.com", Role.ADMIN);
            register(admin, "http://127.0.0.1:" + port + "/hook"); // nobody listens yet
            publish(app, admin, "Delivered after a restart");
            waitFor(() -> app.services().db().read(h -> h.createQuery("select attempts from webhook_delivery").mapTo(Integer.class).one()) >= 1);
        }
        var got = new CopyOnWriteArrayList<Received>();
        var server = receiver(port, got, new AtomicInteger(0));
        try (var app = TestApp.start(Database.Engine.SQLITE, settings)) {
            waitFor(() -> got.size() == 1);
            assertThat(got.get(0).body()).contains("Delivered after a restart");
        } finally {
            server.stop(0);
            if (pgName != null) {
                try (var c = java.sql.DriverManager.getConnection(TestApp.PG_ADMIN_URL, "postgres", ""); var st = c.createStatement()) {
                    st.execute("drop database if exists " + pgName + " with (force)");
                }
            }
        }
        try (var strict = TestApp.start(engine())) {
            var admin = strict.signedIn("strict-hooks@example.com", Role.ADMIN);
            var refused = admin.post("/newsroom/webhooks", Map.of("url", "http://127.0.0.1:" + port + "/hook", "events", "article.published"));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).contains("internal address");
            assertThat(strict.signedIn("editor-hooks@example.com", Role.EDITOR).get("/newsroom/webhooks").status()).isEqualTo(403);
        }
    }
}
