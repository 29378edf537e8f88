package org.masthead.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.masthead.account.Role;
import org.masthead.account.Accounts;
import org.masthead.account.UserStore;
import org.masthead.article.ArticleStore;
import org.masthead.media.PhotoUploads;
import org.masthead.popularity.ViewStore;
import org.masthead.taxonomy.TaxonomyStore;
import org.masthead.article.ArticleDraft;
import org.masthead.article.Publishing;
import org.masthead.media.PhotoText;
import org.masthead.popularity.ViewCounter;
import org.masthead.taxonomy.Section;

/**
 * Synthetic demo content written for this project (no copied news text): about 60 articles across
 * the sections, each with a generated lead photo carrying caption, credit, creator and alt text,
 * and a day of synthetic views so Most Popular is filled. Runs only on an empty site.
 */
public final class DemoContent {
    public static final String ADMIN_EMAIL = "admin@masthead.test";
    private static final int ARTICLES = 60;

    private static final String[] TOWNS = {"Harrowgate", "Port Elsby", "Millbrook", "Caldera Falls", "North Wexley", "Tamsin Bay",
        "Greyhaven", "Oakridge", "Lowmoor", "Brightwater"};
    private static final String[] PEOPLE = {"Amara Osei", "Jonas Lindqvist", "Priya Natarajan", "Tomás Ferreira", "Helen Achterberg",
        "Kwame Mensah", "Sofia Marchetti", "Daniel Okafor", "Mei Tanaka", "Ruth Caldwell"};
    private static final String[] PHOTOGRAPHERS = {"Jane Doe", "Lars Berg", "Nadia Haddad", "Owen Price", "Ines Duarte"};
    private static final String[] REPORTERS = {"Clara Wren", "Felix Adeyemi", "Marta Novak", "Sam Whitlock", "Aiko Mori", "Ben Carrow"};

    private static final String[][] HEADLINES = {
        {"Council approves %s flood defence plan after late-night vote", "Residents of %s face new water rules as reservoir runs low",
            "%s opens its first night bus route in a decade", "Volunteers clear storm debris across %s", "Bridge repairs to close main road in %s for six weeks"},
        {"%s mayor unveils budget with cuts to road spending", "Coalition talks in %s stall over housing targets",
            "Election officials in %s trial shorter queues at polling stations", "%s assembly votes to publish all lobbying meetings",
            "Opposition in %s demands inquiry into contract awards"},
        {"%s bakery chain doubles staff as orders surge", "Harbour traders in %s report record quarter",
            "Start-up in %s raises funds for battery recycling plant", "Rents in %s rise faster than wages, survey finds",
            "Family-run mill in %s marks 150 years of trading"},
        {"Researchers in %s map ancient riverbed beneath the town", "Telescope team near %s spots unusual comet tail",
            "%s school pupils build weather station that feeds national data", "Seabird numbers off %s recover after fishing pause",
            "Hospital in %s trials faster test for childhood infections"},
        {"%s Rovers climb to second after stoppage-time winner", "Marathon through %s draws record field of runners",
            "%s swimmer breaks regional record at age 16", "Cricket club in %s saves ground with community bid",
            "Cyclists from %s prepare for mountain stage race"},
        {"%s library reopens with a hall for local musicians", "Film festival in %s announces debut director line-up",
            "Painter from %s wins national portrait prize", "%s theatre revives forgotten harbour musical",
            "Street murals transform empty shopfronts in %s"}};

    private DemoContent() {}

    /**
     * What demo content is made with, handed in by app. {@code publishingAt} makes the publishing use
     * case on another clock (the stories are dated over the past days).
     */
    public record Collaborators(ArticleStore articles, UserStore users, Accounts accounts, TaxonomyStore taxonomy, PhotoUploads uploads,
                                ViewStore views, java.util.function.Function<Clock, Publishing> publishingAt) {}

    /** Fills an empty site; does nothing when articles already exist. */
    public static void fillIfEmpty(Collaborators s, Clock clock, PrintStream out) {
        if (!s.articles().listForNewsroom(new org.masthead.article.ArticleStore.Filter(null, null), 1, 0).isEmpty()) return;
        out.println("Filling the site with demo content (" + ARTICLES + " articles with photos)...");
        var random = new Random(20261125L);
        var admin = s.users().findByEmail(ADMIN_EMAIL).orElseGet(() ->
            s.accounts().create(ADMIN_EMAIL, "Demo Admin", Role.ADMIN, s.accounts().generatePassword()));
        var sections = s.taxonomy().listSections();
        var demoClock = new SettableClock(clock.instant());
        var publishing = s.publishingAt().apply(demoClock);
        var views = s.views();
        long now = clock.millis();
        var ids = new ArrayList<Long>();
        for (int i = 0; i < ARTICLES; i++) {
            var section = sections.get(i % sections.size());
            var town = TOWNS[random.nextInt(TOWNS.length)];
            var sectionHeadlines = HEADLINES[(int) (i % Math.min(sections.size(), HEADLINES.length))];
            var headline = String.format(sectionHeadlines[(i / sections.size()) % sectionHeadlines.length], town);
            var person = PEOPLE[random.nextInt(PEOPLE.length)];
            var photographer = PHOTOGRAPHERS[random.nextInt(PHOTOGRAPHERS.length)];
            var photo = s.uploads().upload(image(random, i, section), new PhotoText(
                person + " speaks to reporters in " + town + " on the day of the announcement.",
                "MASTHEAD/" + photographer, photographer, "© " + Instant.ofEpochMilli(now).atZone(ZoneOffset.UTC).getYear() + " Masthead Demo",
                "Illustration: abstract shapes over a " + colourName(i) + " sky, standing in for a news photo from " + town + ".", headline), admin.id());
            var draft = new ArticleDraft(headline, dek(town, person, random), section.id(), "", body(town, person, random),
                town.toUpperCase(java.util.Locale.ROOT), List.of(REPORTERS[random.nextInt(REPORTERS.length)]),
                List.of(town, section.name()));
            demoClock.set(Instant.ofEpochMilli(now - (long) (ARTICLES - i) * 3 * 3_600_000L - random.nextInt(3_600_000)));
            var created = (Publishing.Result.Saved) publishing.create(admin, draft, photo.id());
            publishing.publish(admin, created.article().id());
            ids.add(created.article().id());
        }
        // A day of synthetic readers: a few stories draw most views, as on a real site.
        long minuteNow = now / 60_000;
        for (int rank = 0; rank < ids.size(); rank++) {
            long id = ids.get(random.nextInt(ids.size()));
            long total = 4000 / (rank + 1) + random.nextInt(20);
            for (int h = 0; h < 24 && total > 0; h++) {
                long n = Math.max(1, total / 24);
                views.add(java.util.Map.of(new ViewCounter.Key(id, minuteNow - h * 60L - random.nextInt(60)), n));
            }
        }
        out.println("Demo content ready.");
    }

    private static String dek(String town, String person, Random r) {
        String[] deks = {"Officials in %s say the change will take effect within weeks; %s calls it overdue.",
            "The decision follows months of debate in %s, and %s says more work lies ahead.",
            "People in %s gave a mixed reception, while %s urged patience.",
            "What it means for %s, and why %s thinks the timing matters."};
        return String.format(deks[r.nextInt(deks.length)], town, person);
    }

    private static String body(String town, String person, Random r) {
        String[] paragraphs = {
            "The announcement came on a grey morning in %s, where a small crowd had gathered outside the civic hall long before the doors opened.",
            "“We have waited a long time for this,” said %s, who has followed the issue for years. “Now the hard part begins.”",
            "Local figures show the change will affect several thousand households, though officials stressed that details are still being worked out.",
            "Critics argue the plan moves too slowly. Supporters counter that it is the first serious attempt in a generation.",
            "A public meeting is planned for next month, and written comments can be sent until the end of the year.",
            "Neighbouring districts are watching closely; two have already asked for briefings on how the scheme was put together.",
            "For now, people in %s say they will believe it when they see it."};
        var sb = new StringBuilder();
        sb.append("<p>").append(String.format(paragraphs[0], town)).append("</p>");
        sb.append("<p>").append(String.format(paragraphs[1], person)).append("</p>");
        sb.append("<h2>What happens next</h2>");
        for (int i = 2; i < paragraphs.length - 1; i++) if (r.nextInt(4) > 0) sb.append("<p>").append(paragraphs[i]).append("</p>");
        sb.append("<blockquote><p>“It is a start, and a start is more than we had.”</p></blockquote>");
        sb.append("<p>").append(String.format(paragraphs[paragraphs.length - 1], town)).append("</p>");
        return sb.toString();
    }

    private static final Color[] SKIES = {new Color(0x1d3557), new Color(0x6d597a), new Color(0x2a9d8f), new Color(0xe76f51),
        new Color(0x264653), new Color(0x8d99ae)};

    private static String colourName(int i) {
        return new String[] {"deep blue", "violet", "teal", "orange", "dark green", "slate grey"}[i % SKIES.length];
    }

    /** A 1200×675 JPEG: a sky gradient, a sun and a skyline, different for every article. */
    static byte[] image(Random r, int i, Section section) {
        var img = new BufferedImage(1200, 675, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        var sky = SKIES[i % SKIES.length];
        g.setPaint(new GradientPaint(0, 0, sky, 0, 675, sky.brighter().brighter()));
        g.fillRect(0, 0, 1200, 675);
        g.setColor(new Color(255, 236, 179, 220));
        int sun = 80 + r.nextInt(80);
        g.fill(new Ellipse2D.Double(200 + r.nextInt(800), 80 + r.nextInt(150), sun, sun));
        g.setColor(sky.darker().darker());
        for (int x = 0; x < 1200; ) {
            int w = 40 + r.nextInt(90);
            int h = 120 + r.nextInt(300);
            g.fillRect(x, 675 - h, w, h);
            x += w + r.nextInt(12);
        }
        g.setStroke(new BasicStroke(3));
        g.setColor(new Color(255, 255, 255, 90));
        g.drawLine(0, 600 + r.nextInt(40), 1200, 600 + r.nextInt(40));
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A clock the demo moves to spread publication times over the past days. */
    static final class SettableClock extends Clock {
        private volatile Instant now;
        SettableClock(Instant now) { this.now = now; }
        void set(Instant instant) { now = instant; }
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }
}
