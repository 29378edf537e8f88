package org.masthead.settings;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.LinkedHashMap;
import java.util.Map;
import org.masthead.account.NewsroomGuard;
import org.masthead.http.Access;
import org.masthead.http.Chrome;
import org.masthead.http.Templates;

/** Admins set the site's name, tagline, language, time zone, colour, menus and images; keys the operator set are named, not editable. */
public final class SettingsAdminRoutes {
    private final Settings settings;
    private final NewsroomGuard guard;
    private final Templates templates;
    private final java.util.function.LongPredicate photoExists;
    private final Runnable changed;

    /** {@code changed}: every node reloads the settings and re-renders (the site version). */
    public SettingsAdminRoutes(Settings settings, NewsroomGuard guard, Templates templates, java.util.function.LongPredicate photoExists, Runnable changed) {
        this.settings = settings;
        this.guard = guard;
        this.templates = templates;
        this.photoExists = photoExists;
        this.changed = changed;
    }

    public void mount(JavalinDefaultRoutingApi r) {
        r.get("/newsroom/settings", ctx -> render(ctx, 200, form(settings.current()), Map.of(),
            ctx.queryParam("saved") == null ? "" : "Saved: every page shows it now."), Access.ADMIN);
        r.post("/newsroom/settings", this::save, Access.ADMIN);
    }

    /** {@code locks}: field → the configuration key (and its environment variable) that fixes it. */
    public record Page(Chrome chrome, Map<String, String> form, Map<String, String> errors, String notice, Map<String, String> locks) {
        public String value(String field) { return form.getOrDefault(field, ""); }

        public String error(String field) { return errors.getOrDefault(field, ""); }

        public boolean hasError(String field) { return errors.containsKey(field); }

        public String lock(String field) { return locks.getOrDefault(field, ""); }
    }

    static Map<String, String> form(SiteSettings s) {
        var m = new LinkedHashMap<String, String>();
        m.put("name", s.name());
        m.put("tagline", s.tagline());
        m.put("language", s.language());
        m.put("time_zone", s.timeZone().getId());
        m.put("accent", s.accent());
        m.put("header_links", lines(s.headerLinks()));
        m.put("footer_links", lines(s.footerLinks()));
        m.put("logo_id", s.logoId() == null ? "" : String.valueOf(s.logoId()));
        m.put("social_image_id", s.socialImageId() == null ? "" : String.valueOf(s.socialImageId()));
        return m;
    }

    private static String lines(java.util.List<SiteSettings.Link> links) {
        return String.join("\n", links.stream().map(l -> l.label() + " | " + l.url()).toList());
    }

    private void render(Context ctx, int status, Map<String, String> form, Map<String, String> errors, String notice) {
        var locks = new LinkedHashMap<String, String>();
        for (var key : Settings.CONFIG_KEYS.keySet()) {
            var config = settings.lockedBy(key);
            if (config != null) locks.put(key, config + " / MASTHEAD_" + config.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        templates.privatePage(ctx, status, "newsroom/settings.jte", new Page(guard.chrome(ctx, "Site settings", "settings"), form, errors, notice, locks));
    }

    private void save(Context ctx) {
        var form = new LinkedHashMap<String, String>();
        for (var f : new String[] {"name", "tagline", "language", "time_zone", "accent", "header_links", "footer_links", "logo_id", "social_image_id"}) {
            var v = ctx.formParam(f);
            form.put(f, v == null ? "" : v);
        }
        var current = form(settings.current());
        for (var key : Settings.CONFIG_KEYS.keySet()) if (settings.lockedBy(key) != null) form.put(key, current.get(key)); // the operator's value stays
        var problems = settings.save(form, photoExists);
        if (!problems.isEmpty()) {
            render(ctx, 400, form, problems, "");
            return;
        }
        changed.run();
        ctx.redirect("/newsroom/settings?saved=1", HttpStatus.SEE_OTHER);
    }
}
