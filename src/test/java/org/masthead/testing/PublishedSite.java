package org.masthead.testing;

import java.util.Map;
import org.masthead.account.Role;
import org.masthead.article.ArticleDraft;
import org.masthead.article.Publishing;
import org.masthead.media.PhotoText;

/** A small published site for page-level checks: a few stories with photos, some views. */
public final class PublishedSite {
    private PublishedSite() {}

    /** Publishes {@code n} stories through the real use cases; returns the path of the first. */
    public static String publish(TestApp app, int n) {
        var s = app.services();
        var admin = s.users().findByEmail("site-admin@example.com").orElseGet(() ->
            s.accounts().create("site-admin@example.com", "Site Admin", Role.ADMIN, "site admin password 1"));
        var sections = s.taxonomy().listSections();
        String first = null;
        for (int i = 0; i < n; i++) {
            var photo = s.uploads().upload(Fixtures.jpeg(640, 360, 100 + i), new PhotoText("Caption " + i + " on the quay.",
                "MASTHEAD/Photographer " + i, "Photographer " + i, "", "A quay at dusk, picture " + i, ""), admin.id());
            var draft = new ArticleDraft("Story number " + i + " from the harbour", "Teaser for story " + i,
                sections.get(i % sections.size()).id(), "", "<p>Body of story " + i + ".</p><h2>More</h2><p>Detail.</p>",
                "PORT ELSBY", java.util.List.of("Clara Wren"), java.util.List.of("Harbour"));
            var saved = (Publishing.Result.Saved) s.publishing().create(admin, draft, photo.id());
            s.publishing().publish(admin, saved.article().id());
            s.popularity().beacon(saved.article().id(), Visitors.userAgent(i), null, "127.0.0.1");
            if (first == null) first = saved.article().path();
        }
        s.popularity().tick();
        return first;
    }

    public static Map<String, String> none() { return Map.of(); }
}
