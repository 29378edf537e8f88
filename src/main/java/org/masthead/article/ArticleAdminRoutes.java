package org.masthead.article;

import org.masthead.http.Access;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.account.NewsroomGuard;
import org.masthead.account.User;
import org.masthead.http.Chrome;
import org.masthead.http.Http;
import org.masthead.http.Templates;
import org.masthead.media.Photo;
import org.masthead.media.PhotoText;
import org.masthead.media.PhotoUploads;
import org.masthead.media.UploadRejected;
import org.masthead.taxonomy.Section;
import org.masthead.taxonomy.TaxonomyStore;

/** The newsroom's article list and editor. */
public final class ArticleAdminRoutes {
    static final int PAGE_SIZE = 25;
    private static final String EXISTING_PHOTO = "masthead.existingPhoto";
    private final Publishing publishing;
    private final ArticleStore articles;
    private final TaxonomyStore taxonomy;
    private final PhotoUploads uploads;
    private final NewsroomGuard guard;
    private final Templates templates;

    private final java.util.function.Supplier<java.time.ZoneId> zone;
    private final PreviewLinks previews;
    private final CopyDesk copyDesk;
    private final Autosaves autosaves;
    private final Desk desk;
    private final org.masthead.account.UserStore people;
    private final String baseUrl;
    private final java.util.function.Supplier<String> siteLanguage;

    public ArticleAdminRoutes(Publishing publishing, ArticleStore articles, TaxonomyStore taxonomy, PhotoUploads uploads,
                              NewsroomGuard guard, Templates templates, java.util.function.Supplier<java.time.ZoneId> zone, PreviewLinks previews, String baseUrl,
                              CopyDesk copyDesk, Autosaves autosaves, Desk desk, org.masthead.account.UserStore people, java.util.function.Supplier<String> siteLanguage) {
        this.siteLanguage = siteLanguage;
        this.desk = desk;
        this.people = people;
        this.copyDesk = copyDesk;
        this.autosaves = autosaves;
        this.zone = zone;
        this.previews = previews;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.publishing = publishing;
        this.articles = articles;
        this.taxonomy = taxonomy;
        this.uploads = uploads;
        this.guard = guard;
        this.templates = templates;
    }

    public void mount(JavalinDefaultRoutingApi r) {
        r.get("/newsroom", ctx -> ctx.redirect("/newsroom/articles"), Access.CONTRIBUTOR);
        r.get("/newsroom/articles", this::list, Access.CONTRIBUTOR);
        r.get("/newsroom/articles/new", this::newForm, Access.CONTRIBUTOR);
        r.post("/newsroom/articles", this::create, Access.CONTRIBUTOR);
        r.get("/newsroom/articles/{id}", this::edit, Access.CONTRIBUTOR);
        r.post("/newsroom/articles/{id}", this::save, Access.CONTRIBUTOR);
        r.post("/newsroom/articles/{id}/move", this::move, Access.CONTRIBUTOR); // who may make which move: Transition
        r.post("/newsroom/articles/{id}/corrections", this::correct, Access.EDITOR);
        r.post("/newsroom/articles/{id}/preview-link", this::previewLink, Access.CONTRIBUTOR); // their own, or any for editors (load)
        r.post("/newsroom/articles/{id}/checks/dismiss", this::dismiss, Access.EDITOR);
        r.post("/newsroom/autosave/{id}", this::autosave, Access.CONTRIBUTOR); // 0: a new story; else the user's own (load)
        r.get("/newsroom/embeds", this::embed, Access.CONTRIBUTOR);
    }

    public record ListPage(Chrome chrome, List<ArticleSummary> articles, List<Section> sections, String status,
                           Long sectionId, int page, boolean hasNext, String query) {}

    /** The newsroom's full-text search (the site's search engine, every status): ids, best first. */
    @FunctionalInterface
    public interface Finder {
        List<Long> find(String query, @Nullable String status, @Nullable String sectionSlug, @Nullable Long owner, int limit, int offset);
    }

    private Finder finder = (q, status, section, owner, limit, offset) -> List.of();

    /** Where the article list's search box looks. */
    public void searchWith(Finder finder) { this.finder = finder; }

    /** The editor form's values, as typed (so a refused save loses nothing). */
    public record Form(String headline, String dek, long sectionId, String slug, String body, String dateline,
                       String bylines, String tags, int revision, @Nullable Photo photo, String photoCaption,
                       String photoCredit, String photoCreator, String photoCopyright, String photoAlt, String language, String photoTitle,
                       String seoTitle, String seoDescription, String socialImage) {
        static Form empty() { return new Form("", "", 0, "", "", "", "", "", 0, null, "", "", "", "", "", "", "", "", "", ""); }

        /** The search/social fields as typed; a social image that is not a number is left out (the check names it). */
        Seo seo() {
            Long image = null;
            try {
                if (!socialImage.isBlank()) image = Long.parseLong(socialImage.strip());
            } catch (NumberFormatException e) {
                image = -1L;
            }
            return new Seo(seoTitle, seoDescription, image);
        }

        Form withRevision(int revision) {
            return new Form(headline, dek, sectionId, slug, body, dateline, bylines, tags, revision, photo, photoCaption, photoCredit, photoCreator,
                photoCopyright, photoAlt, language, photoTitle, seoTitle, seoDescription, socialImage);
        }

        Form withPhoto(@Nullable Photo photo) {
            return new Form(headline, dek, sectionId, slug, body, dateline, bylines, tags, revision, photo, photoCaption, photoCredit, photoCreator,
                photoCopyright, photoAlt, language, photoTitle, seoTitle, seoDescription, socialImage);
        }

        static Form of(Article a) {
            var p = a.leadPhoto();
            return new Form(a.headline(), a.dek(), a.section().id(), a.slug(), a.bodyHtml(), a.dateline(),
                String.join(", ", a.authors().stream().map(x -> x.displayName()).toList()),
                String.join(", ", a.tags().stream().map(t -> t.name()).toList()), a.revision(), p,
                p == null ? "" : p.caption(), p == null ? "" : p.credit(), p == null ? "" : p.creator(),
                p == null ? "" : p.copyright(), p == null ? "" : p.altText(), a.language(), p == null ? "" : p.title(),
                a.seo().title(), a.seo().description(), a.seo().imageId() == null ? "" : String.valueOf(a.seo().imageId()));
        }
    }

    /**
     * {@code library}: the lead photo as the library has it (its own words, creator, copyright);
     * {@code instructions} and {@code usageTerms}: what the file says about using it (IPTC), shown to whoever uses it.
     */
    /** The fields a conflicted save can merge, field by field. */
    static final List<String> MERGE_FIELDS = List.of("headline", "dek", "body", "dateline", "bylines", "tags", "section", "photo_title",
        "photo_caption", "photo_credit", "photo_alt");

    static String value(Form f, String field) {
        return switch (field) {
            case "headline" -> f.headline();
            case "dek" -> f.dek();
            case "body" -> f.body();
            case "dateline" -> f.dateline();
            case "bylines" -> f.bylines();
            case "tags" -> f.tags();
            case "section" -> String.valueOf(f.sectionId());
            case "photo_caption" -> f.photoCaption();
            case "photo_title" -> f.photoTitle();
            case "photo_credit" -> f.photoCredit();
            case "photo_alt" -> f.photoAlt();
            default -> throw new IllegalArgumentException(field);
        };
    }

    static String label(String field) {
        return switch (field) {
            case "photo_caption" -> "Photo caption";
            case "photo_title" -> "Photo title";
            case "photo_credit" -> "Photo credit";
            case "photo_alt" -> "Photo alt text";
            default -> Character.toUpperCase(field.charAt(0)) + field.substring(1);
        };
    }

    /** The form with every field whose {@code merge_<field>} says "theirs" taken from the stored article. */
    static Form merged(Context ctx, Form f, Article current) {
        var theirs = Form.of(current);
        java.util.function.Function<String, String> pick = field -> "theirs".equals(Http.field(ctx, "merge_" + field)) ? value(theirs, field) : value(f, field);
        long section;
        try {
            section = Long.parseLong(pick.apply("section"));
        } catch (NumberFormatException e) {
            section = f.sectionId();
        }
        return new Form(pick.apply("headline"), pick.apply("dek"), section, f.slug(), pick.apply("body"), pick.apply("dateline"),
            pick.apply("bylines"), pick.apply("tags"), f.revision(), f.photo(), pick.apply("photo_caption"), pick.apply("photo_credit"),
            f.photoCreator(), f.photoCopyright(), pick.apply("photo_alt"), f.language(), pick.apply("photo_title"), f.seoTitle(), f.seoDescription(),
            f.socialImage());
    }

    public record EditPage(Chrome chrome, @Nullable Article article, Form form, Map<String, String> errors,
                           List<Section> sections, String notice, boolean canPublish, long maxUploadBytes, @Nullable Photo library,
                           String instructions, String usageTerms, java.time.ZoneId zone, List<Transition> moves,
                           List<CopyDesk.Finding> findings, @Nullable Form theirs, @Nullable Long autosavedAt,
                           List<Desk.Note> notes, String assignee, List<User> people, String siteLanguage, String warning,
                           List<String> knownAuthors, boolean noByline, List<String> newNames, List<String> knownTags, List<String> newTags,
                           List<String> alerts) {
        /** The field an error is about, for the summary's links ("photo_caption" → its input; "form" has none). */
        public String fieldId(String key) {
            return switch (key) {
                case "body" -> "body";
                case "photo" -> "photo";
                default -> key.matches("[a-z_]+") ? key : "headline";
            };
        }

        /** The story's language as the form has it, or the site's. */
        public String language() { return form.language().isEmpty() ? siteLanguage : form.language(); }

        /** The direction its text fields and body are typed in. */
        public String textDir() { return org.masthead.http.Languages.dir(language()); }

        /** The languages to choose from: the common ones, and the story's own if it is another. */
        public List<String> languages() {
            var all = new java.util.ArrayList<>(org.masthead.http.Languages.COMMON);
            if (!form.language().isEmpty() && !all.contains(form.language())) all.add(0, form.language());
            if (!all.contains(siteLanguage)) all.add(0, siteLanguage);
            return all;
        }

        /** The fields where the stored version (theirs) differs from what was typed (yours): shown side by side on a conflict. */
        public List<String[]> differences() {
            if (theirs == null) return List.of();
            var out = new java.util.ArrayList<String[]>();
            for (var f : MERGE_FIELDS) {
                var mine = value(form, f);
                var other = value(theirs, f);
                if (mine.equals(other)) continue;
                boolean body = f.equals("body"); // shown as words; the choice takes the stored HTML
                out.add(new String[] {f, label(f), body ? Revisions.text("bodyHtml", other) : other, body ? Revisions.text("bodyHtml", mine) : mine});
            }
            return out;
        }

        /** An instant in the newsroom's time zone, as people read it ("2 Dec 2026, 06:00 Europe/London"). */
        public String local(long millis) {
            return java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", java.util.Locale.ENGLISH)
                .format(java.time.Instant.ofEpochMilli(millis).atZone(zone)) + " " + zone.getId();
        }

        /** The value for a datetime-local input, in the newsroom's time zone. */
        public String inputValue(long millis) {
            return java.time.Instant.ofEpochMilli(millis).atZone(zone).toLocalDateTime().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString();
        }

        public String error(String field) { return errors.getOrDefault(field, ""); }
        public boolean hasError(String field) { return errors.containsKey(field); }
    }

    private void list(Context ctx) {
        var statusParam = ctx.queryParam("status");
        ArticleStatus status = null;
        if (statusParam != null && !statusParam.isBlank()) {
            try {
                status = ArticleStatus.parse(statusParam);
            } catch (IllegalArgumentException e) {
                throw new io.javalin.http.BadRequestResponse("unknown status '" + statusParam + "'");
            }
        }
        Long sectionId = null;
        var sectionParam = ctx.queryParam("section");
        if (sectionParam != null && !sectionParam.isBlank()) {
            try {
                sectionId = Long.parseLong(sectionParam);
            } catch (NumberFormatException e) {
                throw new io.javalin.http.BadRequestResponse("section must be a section id");
            }
        }
        int page = Http.page(ctx);
        var user = NewsroomGuard.user(ctx);
        var mine = user.role().canPublish() ? null : Long.valueOf(user.id()); // contributors see their own articles only
        var query = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        if (query.length() > 200 || org.masthead.http.PlainText.hasControl(query)) throw new io.javalin.http.BadRequestResponse("Search for at most 200 characters of text.");
        List<ArticleSummary> rows;
        if (query.isEmpty()) {
            rows = articles.listForNewsroom(new ArticleStore.Filter(status, sectionId, mine), PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
        } else { // the search engine, then SQL for what the list shows (drafts' latest words included)
            var sectionSlug = sectionId == null ? null : taxonomy.findSection(sectionId).map(Section::slug).orElse("-");
            rows = articles.listByIds(finder.find(query, status == null ? null : status.dbValue(), sectionSlug, mine, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE));
            if (mine != null) rows = rows.stream().filter(a -> mine.equals(a.createdBy())).toList(); // the index may lag a moment; SQL decides
        }
        templates.privatePage(ctx, 200, "newsroom/articles.jte", new ListPage(guard.chrome(ctx, "Articles", "articles"),
            rows.subList(0, Math.min(PAGE_SIZE, rows.size())), taxonomy.listSections(),
            status == null ? "" : status.dbValue(), sectionId, page, rows.size() > PAGE_SIZE, query));
    }

    private void newForm(Context ctx) {
        var form = Form.empty();
        var photoParam = ctx.queryParam("photo");
        if (photoParam != null && photoParam.matches("[0-9]{1,18}")) {
            var p = uploads.find(Long.parseLong(photoParam)).orElseThrow(() -> new NotFoundResponse("no such photo"));
            form = new Form("", "", 0, "", "", "", "", "", 0, p, p.caption(), p.credit(), p.creator(), p.copyright(), p.altText(), "", p.title(), "", "", "");
        }
        if ("1".equals(ctx.queryParam("recover"))) {
            var saved = autosaves.find(NewsroomGuard.user(ctx).id(), 0);
            if (saved.isPresent()) form = recovered(saved.get(), form.photo());
        }
        render(ctx, 200, null, form, Map.of(), "1".equals(ctx.queryParam("recover")) ? "Recovered your unsaved changes; save to keep them." : "");
    }

    private void edit(Context ctx) {
        var article = load(ctx);
        var notice = ctx.queryParam("saved") == null ? "" : whatHappened(article);
        if ("1".equals(ctx.queryParam("wire"))) notice = "Draft made from the wire: its text, byline and photos are the agency's; check them, then edit as any story.";
        if ("2".equals(ctx.queryParam("wire"))) notice = "Draft made from the wire; some of its photos could not be brought (the wire item lists why).";
        var warning = ctx.queryParam("saved") == null ? "" : photoWarning(article).orElse("");
        if (!notice.isEmpty() && "1".equals(ctx.queryParam("existing")) && article.leadPhoto() != null) {
            notice += " That file was already in the library as photo " + article.leadPhoto().id()
                + "; its library text stays as it was, and this story has its own caption, credit and alt text.";
        }
        var form = Form.of(article);
        if ("1".equals(ctx.queryParam("recover"))) {
            var saved = autosaves.find(NewsroomGuard.user(ctx).id(), article.id());
            if (saved.isPresent()) {
                form = recovered(saved.get(), article.leadPhoto());
                notice = "Recovered your unsaved changes; save to keep them (if someone saved in between, you will compare first).";
            }
        }
        render(ctx, 200, article, form, Map.of(), notice, warning);
    }

    /** The notice after a save, saying what happened in the story's state ("Scheduled for 2 Dec 2026, 06:00 Europe/London"). */
    private String whatHappened(Article a) {
        return switch (a.status()) {
            case DRAFT -> "Draft saved.";
            case IN_REVIEW -> "Submitted for review: an editor will see it on the desk.";
            case READY -> "Saved: approved and ready to publish.";
            case SCHEDULED -> "Scheduled for " + java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", java.util.Locale.ENGLISH)
                .format(java.time.Instant.ofEpochMilli(a.workflow().publishAt()).atZone(zone.get())) + " " + zone.get().getId() + ".";
            case PUBLISHED -> "Published: readers see it now.";
            case UNPUBLISHED -> "Saved. The story is unpublished: readers are told it was taken down.";
            case KILLED -> "Killed.";
        };
    }

    /** The moves this user may make on this article now, in the order the panel shows them. */
    static List<Transition> movesFor(User user, Article a) {
        return java.util.Arrays.stream(Transition.values())
            .filter(t -> t != Transition.PUBLISH || a.status() != ArticleStatus.PUBLISHED)
            .filter(t -> t.forbidden(user, a) == null && t.conflict(a) == null).toList();
    }

    /** Published with a lead photo that lacks what readers and agencies need. */
    static java.util.Optional<String> photoWarning(Article a) {
        var p = a.leadPhoto();
        if (!a.isPublished() || p == null) return java.util.Optional.empty();
        var missing = new java.util.ArrayList<String>();
        if (p.altText().isBlank()) missing.add("alt text");
        if (p.credit().isBlank()) missing.add("a credit");
        return missing.isEmpty() ? java.util.Optional.empty()
            : java.util.Optional.of("Warning: the lead photo has no " + String.join(" and no ", missing) + ".");
    }

    /** The article at {id}; 404 for a contributor asking for someone else's (they are not told it exists). */
    private Article load(Context ctx) {
        return articles.findFor(NewsroomGuard.user(ctx), Http.id(ctx, "id")).orElseThrow(() -> new NotFoundResponse("no such article"));
    }

    private void render(Context ctx, int status, @Nullable Article article, Form form, Map<String, String> errors, String notice) {
        render(ctx, status, article, form, errors, notice, "");
    }

    private void render(Context ctx, int status, @Nullable Article article, Form form, Map<String, String> errors, String notice, String warning) {
        var user = NewsroomGuard.user(ctx);
        var title = article == null ? "New article" : "Edit: " + article.headline();
        var library = form.photo() == null ? null : uploads.find(form.photo().id()).orElse(null);
        var notes = library == null ? Map.<String, Object>of() : uploads.sourceMetadata(library.id());
        templates.privatePage(ctx, status, "newsroom/edit.jte", new EditPage(guard.chrome(ctx, title, "articles"), article, form,
            errors, taxonomy.listSections(), notice, user.role().canPublish(), uploads.maxBytes(), library,
            String.valueOf(notes.getOrDefault("instructions", "")), String.valueOf(notes.getOrDefault("usageTerms", "")), zone.get(),
            article == null ? List.of() : movesFor(user, article), article == null ? List.of() : copyDesk.check(article),
            status == 409 && article != null && errors.containsKey("form") && errors.get("form").startsWith("Someone else saved") ? Form.of(article) : null,
            "1".equals(ctx.queryParam("recover")) ? null : autosaves.find(user.id(), article == null ? 0 : article.id())
                .filter(a -> !a.fields().equals(fieldsOf(form))).map(Autosaves.Autosave::savedAt).orElse(null),
            article == null ? List.of() : desk.notes(article.id()), article == null ? "" : desk.assignee(article.id()),
            article != null && user.role().canPublish() ? people.list().stream().filter(u -> !u.disabled()).toList() : List.of(), siteLanguage.get(),
            warning, articles.listNames("author").stream().map(Map.Entry::getValue).toList(), ctx.method() == io.javalin.http.HandlerType.POST ? "1".equals(ctx.formParam("no_byline")) : article != null && article.authors().isEmpty(),
            java.util.Objects.requireNonNullElse(ctx.<List<String>>attribute(NEW_NAMES), List.of()),
            articles.listNames("tag").stream().map(Map.Entry::getValue).toList(),
            java.util.Objects.requireNonNullElse(ctx.<List<String>>attribute(NEW_TAGS), List.of()), article == null ? List.of() : alerts.apply(article.id())));
    }

    private java.util.function.LongFunction<List<String>> alerts = id -> List.of();

    /** Where alarms about a story come from (the wire, when the item it was made from is updated or withdrawn). */
    public void alertsFrom(java.util.function.LongFunction<List<String>> source) { this.alerts = source; }

    private Form formFrom(Context ctx, @Nullable Photo current) {
        var chosen = Http.field(ctx, "lead_photo");
        boolean removed = "1".equals(Http.field(ctx, "remove_photo")) || (ctx.formParamMap().containsKey("lead_photo") && chosen.isEmpty());
        if (removed) return readForm(ctx, null); // "Remove lead photo", or the picker cleared it
        boolean other = chosen.matches("[0-9]{1,18}") && (current == null || current.id() != Long.parseLong(chosen));
        var photo = other ? uploads.find(Long.parseLong(chosen)).orElse(current) : current;
        return readForm(ctx, photo);
    }

    private static Form readForm(Context ctx, @Nullable Photo photo) {
        long sectionId;
        try {
            sectionId = Long.parseLong(Http.field(ctx, "section"));
        } catch (NumberFormatException e) {
            sectionId = 0;
        }
        int revision;
        try {
            revision = Integer.parseInt(Http.field(ctx, "revision"));
        } catch (NumberFormatException e) {
            revision = 0;
        }
        var body = ctx.formParam("body");
        return new Form(Http.field(ctx, "headline"), Http.field(ctx, "dek"), sectionId, Http.field(ctx, "slug"),
            body == null ? "" : body, Http.field(ctx, "dateline"), Http.field(ctx, "bylines"), Http.field(ctx, "tags"), revision,
            photo, Http.field(ctx, "photo_caption"), Http.field(ctx, "photo_credit"), Http.field(ctx, "photo_creator"),
            Http.field(ctx, "photo_copyright"), Http.field(ctx, "photo_alt"), Http.field(ctx, "language"), Http.field(ctx, "photo_title"),
            Http.field(ctx, "seo_title"), Http.field(ctx, "seo_description"), Http.field(ctx, "social_image"));
    }

    private static ArticleDraft draftOf(Form f) {
        return new ArticleDraft(f.headline(), f.dek(), f.sectionId(), f.slug(), f.body(), f.dateline(),
            ArticleDraft.names(f.bylines()), ArticleDraft.names(f.tags()), f.language(), f.seo());
    }

    private static PhotoText photoText(Form f) {
        return new PhotoText(f.photoCaption(), f.photoCredit(), f.photoCreator(), f.photoCopyright(), f.photoAlt(), "");
    }

    private void create(Context ctx) throws IOException {
        var user = NewsroomGuard.user(ctx);
        submit(ctx, user, null, formFrom(ctx, (Photo) null), Http.field(ctx, "action"),
            (form, lead) -> publishing.create(user, draftOf(form), lead));
    }

    /**
     * The one path of a submitted form: validate, then take the photo, then save (and publish if
     * asked). A new file goes into the library first, so a refused save keeps it chosen for the next try.
     */
    private void submit(Context ctx, User user, @Nullable Article article, Form form, String action,
                        java.util.function.BiFunction<Form, PhotoUse, Publishing.Result> save) throws IOException {
        Transition then = null;
        if (!action.isEmpty() && !action.equals("save")) {
            try {
                then = Transition.parse(action);
            } catch (IllegalArgumentException e) {
                throw new io.javalin.http.BadRequestResponse("unknown action '" + action + "'");
            }
            var refusal = then.forbiddenForRole(user);
            if (refusal != null) throw new ForbiddenResponse(refusal); // before anything is saved: a refusal changes nothing
        }
        PhotoUse lead; // a new file goes into the library first: a refused save shows it chosen, never drops it
        try {
            lead = leadPhoto(ctx, form, article, user);
        } catch (UploadRejected e) {
            if (e.status() == 503) ctx.header("Retry-After", "5");
            render(ctx, e.status(), article, form, Map.of("photo", e.getMessage()), "");
            return;
        }
        var names = new java.util.LinkedHashMap<String, String>();
        var bylines = bylineProblem(ctx, form, article);
        if (bylines != null) names.put("bylines", bylines);
        var tags = tagProblem(ctx, form, article);
        if (tags != null) names.put("tags", tags);
        if (!names.isEmpty()) { // nothing saved; the photo just uploaded stays chosen
            render(ctx, 400, article, lead == null ? form : withPhoto(form, uploads.find(lead.mediaId()).orElse(form.photo())), names, "");
            return;
        }
        var result = save.apply(form, lead);
        if (result instanceof Publishing.Result.Saved saved) { // what the autosave kept is now the story
            autosaves.clear(user.id(), saved.article().id());
            if (article == null) autosaves.clear(user.id(), 0);
        }
        if (result instanceof Publishing.Result.Saved saved && then != null) {
            result = publishing.move(user, saved.article().id(), then, scheduleAt(ctx), Http.field(ctx, "note"));
        }
        respond(ctx, result, article, lead == null ? form : withPhoto(form, uploads.find(lead.mediaId()).orElse(form.photo())));
    }

    /**
     * No wrong credit: a story is bylined on purpose. Empty bylines need "No byline" ticked (nobody is
     * credited by default), and a name no story has carried yet is created only when the form is sent
     * again with it confirmed, so a typo ("Clara Wern") never becomes a person.
     */
    private @Nullable String bylineProblem(Context ctx, Form form, @Nullable Article article) {
        var names = ArticleDraft.names(form.bylines());
        if (names.isEmpty()) {
            return "1".equals(Http.field(ctx, "no_byline")) ? null
                : "Who wrote this? Add a byline, or tick “No byline” for unsigned copy (for wire copy, the agency, such as Reuters).";
        }
        var current = article == null ? List.<String>of() : article.authors().stream().map(a -> a.displayName()).toList();
        return newNames(ctx, names, current, "confirm_new_names", org.masthead.taxonomy.Slugs::nameKey, taxonomy::unknownAuthors, NEW_NAMES, "byline", "bylines");
    }

    /**
     * The names among {@code names} nobody has used yet and this form did not confirm: refused once, with the
     * confirmation for the next send kept in {@code attribute}. The story's own names and confirmed ones cost no look-up.
     */
    private static @Nullable String newNames(Context ctx, List<String> names, List<String> current, String confirmField,
                                             java.util.function.Function<String, String> key, java.util.function.Function<List<String>, List<String>> unknownOf,
                                             String attribute, String one, String many) {
        var known = new java.util.HashSet<String>();
        current.forEach(n -> known.add(key.apply(n)));
        ArticleDraft.names(Http.field(ctx, confirmField)).forEach(n -> known.add(key.apply(n)));
        var unknown = unknownOf.apply(names.stream().filter(n -> !known.contains(key.apply(n))).toList());
        if (unknown.isEmpty()) return null;
        ctx.attribute(attribute, unknown);
        return (unknown.size() == 1 ? "“" + unknown.get(0) + "” is a new " + one + "." : "New " + many + ": " + String.join(", ", unknown) + ".")
            + " Check the spelling, then save again to create " + (unknown.size() == 1 ? "it" : "them") + ".";
    }

    private static final String NEW_NAMES = "masthead.newNames";
    private static final String NEW_TAGS = "masthead.newTags";

    /** As for bylines: a tag no story has carried is created only when confirmed, so "Budjet" never becomes a topic page. */
    private @Nullable String tagProblem(Context ctx, Form form, @Nullable Article article) {
        var current = article == null ? List.<String>of() : article.tags().stream().map(t -> t.name()).toList();
        return newNames(ctx, ArticleDraft.names(form.tags()), current, "confirm_new_tags",
            n -> org.masthead.taxonomy.Slugs.termKey(org.masthead.taxonomy.Slugs.nameKey(n)), taxonomy::unknownTags, NEW_TAGS, "tag", "tags");
    }

    /** The editor's embed button: what a pasted address embeds (provider, id, label, page), or 422 naming the providers known. */
    private void embed(Context ctx) {
        var found = Embeds.recognise(ctx.queryParam("url"));
        ctx.header("Cache-Control", org.masthead.http.CacheControl.PRIVATE).contentType("application/json");
        if (found.isEmpty()) {
            ctx.status(422).result("{\"error\": \"Paste the address of a YouTube or Vimeo video, or of a post on X or Instagram.\"}");
            return;
        }
        var e = found.get(); // provider, id and addresses are made of [A-Za-z0-9_-] only (Embeds.ID): nothing to escape
        ctx.result("{\"provider\": \"" + e.provider() + "\", \"id\": \"" + e.id() + "\", \"label\": \"" + e.label() + "\", \"page_url\": \"" + e.pageUrl() + "\"}");
    }

    /** A workflow move from the editor's panel: {@code transition}, and {@code at} (site time) or {@code note} where it needs one. */
    private void move(Context ctx) {
        var user = NewsroomGuard.user(ctx);
        var article = load(ctx);
        Transition t;
        try {
            t = Transition.parse(Http.field(ctx, "transition"));
        } catch (IllegalArgumentException e) {
            throw new io.javalin.http.BadRequestResponse("unknown transition '" + Http.field(ctx, "transition") + "'");
        }
        respond(ctx, publishing.move(user, article.id(), t, scheduleAt(ctx), Http.field(ctx, "note")), article, Form.of(article));
    }

    /** The fields an autosave keeps. */
    static final List<String> AUTOSAVED = List.of("headline", "dek", "section", "slug", "body", "dateline", "bylines", "tags", "revision",
        "photo_caption", "photo_credit", "photo_alt", "language", "photo_title", "seo_title", "seo_description", "social_image");

    static Map<String, String> fieldsOf(Form f) {
        var m = new java.util.LinkedHashMap<String, String>();
        m.put("headline", f.headline());
        m.put("dek", f.dek());
        m.put("section", String.valueOf(f.sectionId()));
        m.put("slug", f.slug());
        m.put("body", f.body());
        m.put("dateline", f.dateline());
        m.put("bylines", f.bylines());
        m.put("tags", f.tags());
        m.put("revision", String.valueOf(f.revision()));
        m.put("photo_caption", f.photoCaption());
        m.put("photo_credit", f.photoCredit());
        m.put("photo_alt", f.photoAlt());
        m.put("language", f.language());
        m.put("photo_title", f.photoTitle());
        m.put("seo_title", f.seoTitle());
        m.put("seo_description", f.seoDescription());
        m.put("social_image", f.socialImage());
        return m;
    }

    /** The editor's script sends the form every few seconds while someone types: kept per user, never on the story. */
    private void autosave(Context ctx) {
        var user = NewsroomGuard.user(ctx);
        long id = Http.id(ctx, "id");
        if (id != 0) load(ctx);
        var fields = new java.util.LinkedHashMap<String, String>();
        for (var f : AUTOSAVED) fields.put(f, f.equals("body") ? java.util.Objects.requireNonNullElse(ctx.formParam(f), "") : Http.field(ctx, f));
        if (!autosaves.keep(user.id(), id, fields)) throw new io.javalin.http.HttpResponseException(413, "Too much to autosave.");
        ctx.status(204);
    }

    /** The form as autosaved, for "recover". */
    private static Form recovered(Autosaves.Autosave a, @Nullable Photo photo) {
        var m = a.fields();
        long section;
        int revision;
        try {
            section = Long.parseLong(m.getOrDefault("section", "0"));
            revision = Integer.parseInt(m.getOrDefault("revision", "0"));
        } catch (NumberFormatException e) {
            section = 0;
            revision = 0;
        }
        return new Form(m.getOrDefault("headline", ""), m.getOrDefault("dek", ""), section, m.getOrDefault("slug", ""), m.getOrDefault("body", ""),
            m.getOrDefault("dateline", ""), m.getOrDefault("bylines", ""), m.getOrDefault("tags", ""), revision, photo,
            m.getOrDefault("photo_caption", ""), m.getOrDefault("photo_credit", ""), "", "", m.getOrDefault("photo_alt", ""),
            m.getOrDefault("language", ""), m.getOrDefault("photo_title", ""), m.getOrDefault("seo_title", ""), m.getOrDefault("seo_description", ""),
            m.getOrDefault("social_image", ""));
    }

    /** An editor dismisses one copy-desk finding, with a reason that is kept. */
    private void dismiss(Context ctx) {
        var article = load(ctx);
        try {
            copyDesk.dismiss(NewsroomGuard.user(ctx), article.id(), Http.field(ctx, "rule"), Http.field(ctx, "excerpt"), Http.field(ctx, "reason"));
        } catch (IllegalArgumentException e) {
            render(ctx, 422, article, Form.of(article), Map.of("checks", e.getMessage()), "");
            return;
        }
        ctx.redirect("/newsroom/articles/" + article.id() + "#checks", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /** A signed link anyone can open for 48 hours, shown on the story's page. */
    private void previewLink(Context ctx) {
        var article = load(ctx);
        var user = NewsroomGuard.user(ctx);
        boolean pending = article.isPublished() && autosaves.find(user.id(), article.id()).isPresent(); // a live story's pending edit
        var link = pending ? previews.createForEdit(article.id(), user.id(), PreviewLinks.DEFAULT_LIFETIME)
            : previews.create(article.id(), PreviewLinks.DEFAULT_LIFETIME);
        render(ctx, 200, article, Form.of(article), Map.of(), (pending ? "Preview link for your edit, not yet published" : "Preview link")
            + " (works until " + java.time.Instant.ofEpochMilli(link.expiresAt()) + "; anyone with it can read this version): " + baseUrl + link.path());
    }

    /** A correction, clarification or update on a published story. */
    private void correct(Context ctx) {
        var user = NewsroomGuard.user(ctx);
        var article = load(ctx);
        Correction.Kind kind;
        try {
            kind = Correction.Kind.parse(Http.field(ctx, "kind"));
        } catch (IllegalArgumentException e) {
            throw new io.javalin.http.BadRequestResponse("kind must be correction, clarification or update");
        }
        respond(ctx, publishing.addCorrection(user, article.id(), kind, Http.field(ctx, "text")), article, Form.of(article));
    }

    /** The "at" field (a datetime-local in the site's time zone) as an instant; null when missing; 422 when not a time. */
    private @Nullable Long scheduleAt(Context ctx) {
        var raw = Http.field(ctx, "at");
        if (raw.isEmpty()) return null;
        try {
            return java.time.LocalDateTime.parse(raw).atZone(zone.get()).toInstant().toEpochMilli(); // a DST gap moves forward, an overlap takes the earlier
        } catch (java.time.format.DateTimeParseException e) {
            throw new io.javalin.http.HttpResponseException(422, "Give the time as a date and a time, for example 2026-12-02T06:00.");
        }
    }

    private void save(Context ctx) throws IOException {
        var user = NewsroomGuard.user(ctx);
        var article = load(ctx);
        var action = Http.field(ctx, "action");
        if (action.equals("unpublish")) {
            respond(ctx, publishing.unpublish(user, article.id()), article, Form.of(article));
            return;
        }
        submit(ctx, user, article, merged(ctx, formFrom(ctx, article.leadPhoto()), article), action,
            (form, lead) -> publishing.save(user, article, form.revision(), draftOf(form), lead)); // the one permission check is the use case's
    }

    /**
     * The story's use of its lead photo: a new upload if a file was sent, else the chosen library
     * photo. A photo just chosen (new to this story) takes the library's words where the form left
     * them blank; the story's own words are never written to the library.
     */
    private @Nullable PhotoUse leadPhoto(Context ctx, Form form, @Nullable Article article, User user) throws IOException {
        UploadedFile file = ctx.uploadedFile("photo");
        if (file != null && file.size() > 0) {
            if (file.size() > uploads.maxBytes()) {
                throw new UploadRejected(413, "The file is larger than the " + (uploads.maxBytes() / 1048576) + " MB limit.");
            }
            byte[] bytes;
            try (var in = file.content()) {
                bytes = in.readAllBytes();
            }
            var stored = uploads.store(bytes, photoText(form), user.id());
            if (stored.existed()) ctx.attribute(EXISTING_PHOTO, stored.photo().id());
            return useOf(form, stored.photo().id()).orLibrary(stored.photo());
        }
        if (form.photo() == null) return null;
        var use = useOf(form, form.photo().id());
        boolean justChosen = article == null || article.leadPhoto() == null || article.leadPhoto().id() != form.photo().id();
        return justChosen ? use.orLibrary(form.photo()) : use; // a photo just chosen was loaded from the library by formFrom
    }

    private static PhotoUse useOf(Form f, long mediaId) { return new PhotoUse(mediaId, f.photoCaption(), f.photoCredit(), f.photoAlt(), f.photoTitle()); }

    private static Form withPhoto(Form f, @Nullable Photo photo) { return f.withPhoto(photo); }

    private void respond(Context ctx, Publishing.Result result, @Nullable Article article, Form form) {
        switch (result) {
            case Publishing.Result.Saved saved -> ctx.redirect("/newsroom/articles/" + saved.article().id() + "?saved=1"
                + (ctx.attribute(EXISTING_PHOTO) != null ? "&existing=1" : ""), io.javalin.http.HttpStatus.SEE_OTHER);
            case Publishing.Result.Invalid invalid -> render(ctx, invalid.status(), article, form, invalid.problems(), "");
            case Publishing.Result.Forbidden forbidden -> throw new ForbiddenResponse(forbidden.message());
            case Publishing.Result.Refused refused -> render(ctx, 409, article == null ? null : articles.find(article.id()).orElse(article), form,
                Map.of("form", refused.message()), "");
            case Publishing.Result.Conflict conflict -> {
                var current = conflict.current();
                var rebased = form.withRevision(current.revision());
                // nothing of theirs was written, the photo's words included; ours are below
                render(ctx, 409, current, rebased, Map.of("form", "Someone else saved this article (now revision "
                    + current.revision() + ", headline “" + current.headline() + "”) while you were editing. Your version is "
                    + "below and nothing was saved; pick theirs or yours for each field that differs, then save."), "");
            }
        }
    }
}
