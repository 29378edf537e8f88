package org.masthead.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.masthead.article.Publishing;
import org.masthead.db.Database;
import org.masthead.demo.DemoContent;
import org.masthead.testing.TestApp;

/**
 * Issue 12: a small judged relevance set over the demo content, scored as NDCG@5 through the public search API. Each query
 * names what a reader typing it wants, judged from the stories' headlines (not from what the engine returns): grade 2 for the
 * story the words are about, grade 1 for one that is partly about them. The demo's bodies share their paragraphs, so the
 * headline and dek decide, as they would for a reader.
 */
class RelevanceIT {
    record Judged(String query, Pattern best, Pattern partly) {}

    static final List<Judged> SET = List.of(
        new Judged("flood defence", Pattern.compile("flood defence"), null),
        new Judged("night bus", Pattern.compile("night bus"), null),
        new Judged("storm debris", Pattern.compile("storm debris"), null),
        new Judged("budget cuts", Pattern.compile("budget with cuts"), null),
        new Judged("lobbying", Pattern.compile("lobbying"), null),
        new Judged("battery recycling", Pattern.compile("battery recycling"), null),
        new Judged("comet", Pattern.compile("comet"), null),
        new Judged("bakery", Pattern.compile("bakery"), null),
        new Judged("polling stations", Pattern.compile("polling stations"), null),
        new Judged("rents", Pattern.compile("Rents in"), null),
        new Judged("marathon runners", Pattern.compile("Marathon"), null),
        new Judged("murals", Pattern.compile("murals"), null),
        new Judged("harbour", Pattern.compile("^Harbour traders|harbour musical"), null),
        new Judged("record", Pattern.compile("record (quarter|field)|breaks regional record"), null),
        new Judged("festival", Pattern.compile("Film festival"), null),
        new Judged("water reservoir", Pattern.compile("reservoir"), Pattern.compile("water")));

    @Test
    void the_judged_set_over_the_demo_content_scores_ndcg_at_5_issue_12() throws Exception {
        try (var app = TestApp.start(Database.Engine.SQLITE)) {
            var s = app.services();
            DemoContent.fillIfEmpty(new DemoContent.Collaborators(s.articles(), s.users(), s.accounts(), s.taxonomy(), s.uploads(), s.views(),
                at -> new Publishing(s.db(), s.articles(), s.taxonomy(), s.mediaStore(), s.changes(), s.node(), at, false)),
                java.time.Clock.systemUTC(), new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
            // The demo was written by another Publishing (dated over past days), as ./masthead demo does before the site starts: reindex.
            SearchIndex.rebuild(app.dataDir().resolve("search"), s.articles(), s.changes(), List.of(320), java.time.Clock.systemUTC(), (d, t) -> { });
            long deadline = System.currentTimeMillis() + 15_000;
            while (hits(app, "the").total() < 60 && System.currentTimeMillis() < deadline) Thread.sleep(1000); // the API allows 60 a minute

            double sum = 0;
            var report = new StringBuilder();
            for (var j : SET) {
                var result = hits(app, j.query());
                var grades = new ArrayList<Integer>();
                for (var h : result.headlines()) grades.add(grade(j, h));
                // The ideal order: every story in the corpus that the judgment grades, best first.
                var ideal = new ArrayList<Integer>();
                for (var h : allHeadlines(app)) if (grade(j, h) > 0) ideal.add(grade(j, h));
                ideal.sort(java.util.Comparator.reverseOrder());
                double ndcg = dcg(grades) / Math.max(1e-9, dcg(ideal));
                sum += ndcg;
                report.append(String.format("  %-20s NDCG@5 %.3f  %s%n", j.query(), ndcg, grades));
            }
            double mean = sum / SET.size();
            System.out.printf("judged relevance set (%d queries over the demo content): mean NDCG@5 = %.3f%n%s", SET.size(), mean, report);
            assertThat(mean).as("mean NDCG@5 over the judged set\n" + report).isGreaterThanOrEqualTo(0.9);
        }
    }

    static int grade(Judged j, String headline) {
        if (j.best().matcher(headline).find()) return 2;
        return j.partly() != null && j.partly().matcher(headline).find() ? 1 : 0;
    }

    static double dcg(List<Integer> grades) {
        double d = 0;
        for (int i = 0; i < Math.min(5, grades.size()); i++) d += (Math.pow(2, grades.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
        return d;
    }

    record Hits(long total, List<String> headlines) {}

    static Hits hits(TestApp app, String q) throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/v1/search?q="
            + URLEncoder.encode(q, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var json = new ObjectMapper().readTree(response.body());
        var list = new ArrayList<String>();
        json.get("items").forEach(i -> list.add(i.get("headline").asText()));
        return new Hits(json.get("total").asLong(), list);
    }

    static List<String> allHeadlines(TestApp app) {
        return app.services().articles().listPublished(null, 1000, 0).stream().map(a -> a.headline()).toList();
    }
}
