package org.masthead.importer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import org.masthead.account.NewsroomGuard;
import org.masthead.http.Access;
import org.masthead.http.Chrome;
import org.masthead.http.Http;
import org.masthead.http.Templates;

/**
 * The newsroom's import page (admins): upload a WordPress export, and watch its run on the jobs
 * runner (job "imports") with a progress bar, items per second and the time left; the report at the end.
 */
public final class ImportRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final WxrImport importer;
    private final Path folder;
    private final NewsroomGuard guard;
    private final Templates templates;
    private final long maxBytes;
    private final Runnable nudge;

    public ImportRoutes(WxrImport importer, Path folder, NewsroomGuard guard, Templates templates, long maxBytes, Runnable nudge) {
        this.importer = importer;
        this.folder = folder;
        this.guard = guard;
        this.templates = templates;
        this.maxBytes = maxBytes;
        this.nudge = nudge;
    }

    /** Whether {@code file} is an export uploaded here (deleted when its run is done), not one an operator pointed the CLI at. */
    static boolean isUpload(Path file) {
        return file.getParent() != null && file.getParent().getFileName() != null && file.getParent().getFileName().toString().equals("imports")
            && file.getFileName().toString().startsWith("upload-");
    }

    public void mount(JavalinDefaultRoutingApi r) {
        r.get("/newsroom/import", ctx -> render(ctx, 200, ""), Access.ADMIN);
        r.post("/newsroom/import", this::upload, Access.ADMIN);
        r.get("/newsroom/import/{id}", ctx -> {
            var run = load(ctx);
            templates.privatePage(ctx, 200, "newsroom/import-run.jte", new RunPage(guard.chrome(ctx, "Import " + run.id(), "import"), run));
        }, Access.ADMIN);
        r.get("/newsroom/import/{id}/status", ctx -> {
            var run = load(ctx);
            var m = new LinkedHashMap<String, Object>();
            m.put("state", run.state());
            m.put("done", run.done());
            m.put("total", run.total());
            m.put("percent", run.percent());
            m.put("per_second", Math.round(run.perSecond()));
            m.put("eta_seconds", run.progress().etaSeconds());
            m.put("text", run.finished() ? run.report() : run.progress().text());
            ctx.header("Cache-Control", "no-store").contentType("application/json").result(JSON.writeValueAsString(m));
        }, Access.ADMIN);
    }

    public record Page(Chrome chrome, List<WxrImport.Run> runs, long maxBytes, String error) {}

    public record RunPage(Chrome chrome, WxrImport.Run run) {}

    private WxrImport.Run load(Context ctx) { return importer.find(Http.id(ctx, "id")).orElseThrow(() -> new NotFoundResponse("no such import")); }

    private void render(Context ctx, int status, String error) {
        templates.privatePage(ctx, status, "newsroom/import.jte", new Page(guard.chrome(ctx, "Import", "import"), importer.recent(20), maxBytes, error));
    }

    private void upload(Context ctx) throws IOException, java.security.NoSuchAlgorithmException {
        var file = ctx.uploadedFile("file");
        if (file == null) {
            render(ctx, 400, "Choose a WordPress export (the .xml file from Tools → Export).");
            return;
        }
        if (file.size() > maxBytes) {
            render(ctx, 413, "The file is larger than the " + (maxBytes >> 20) + " MB an upload may be; import it with ./masthead import wxr on the server.");
            return;
        }
        Files.createDirectories(folder);
        var target = folder.resolve("upload-" + System.currentTimeMillis() + "-" + java.util.UUID.randomUUID() + ".xml");
        var digest = java.security.MessageDigest.getInstance("SHA-256");
        try (var in = new java.security.DigestInputStream(file.content(), digest)) { // hashed while it is written, not read again for it
            Files.copy(in, target);
        }
        var sha = java.util.HexFormat.of().formatHex(digest.digest());
        try (var in = Files.newInputStream(target)) { // a quick look, so a photo or a zip is refused here and not in a run
            var head = new String(in.readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8).stripLeading().replace("\uFEFF", "");
            if (!head.startsWith("<?xml") && !head.startsWith("<rss")) {
                Files.deleteIfExists(target);
                render(ctx, 415, "That file is not a WordPress export: an export is XML starting with <?xml or <rss.");
                return;
            }
        }
        long id = importer.queue(target, sha, NewsroomGuard.user(ctx), "on".equals(ctx.formParam("fetch_media")));
        nudge.run();
        ctx.redirect("/newsroom/import/" + id, io.javalin.http.HttpStatus.SEE_OTHER);
    }
}
