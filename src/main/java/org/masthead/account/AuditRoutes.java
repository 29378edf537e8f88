package org.masthead.account;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.masthead.http.Access;
import org.masthead.http.CacheControl;
import org.masthead.http.Chrome;
import org.masthead.http.Templates;

/** Admins read the audit log, filtered by action, person and dates, and export it as CSV. */
public final class AuditRoutes {
    static final int LIMIT = 500;
    private final AuditLog log;
    private final NewsroomGuard guard;
    private final Templates templates;

    public AuditRoutes(AuditLog log, NewsroomGuard guard, Templates templates) {
        this.log = log;
        this.guard = guard;
        this.templates = templates;
    }

    public void mount(JavalinDefaultRoutingApi r) {
        r.get("/newsroom/audit", this::page, Access.ADMIN);
        r.get("/newsroom/audit.csv", this::csv, Access.ADMIN);
    }

    public record Page(Chrome chrome, List<AuditLog.Event> events, String action, String who, String from, String to) {}

    private AuditLog.Filter filter(Context ctx) {
        return new AuditLog.Filter(ctx.queryParam("action"), ctx.queryParam("who"), day(ctx.queryParam("from"), 0), day(ctx.queryParam("to"), 1));
    }

    private static Long day(String raw, int plusDays) {
        if (raw == null || raw.isBlank()) return null;
        try {
            return LocalDate.parse(raw).plusDays(plusDays).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadRequestResponse("dates are YYYY-MM-DD");
        }
    }

    private void page(Context ctx) {
        templates.privatePage(ctx, 200, "newsroom/audit.jte", new Page(guard.chrome(ctx, "Audit log", "audit"), log.list(filter(ctx), LIMIT),
            v(ctx.queryParam("action")), v(ctx.queryParam("who")), v(ctx.queryParam("from")), v(ctx.queryParam("to"))));
    }

    private void csv(Context ctx) {
        ctx.header("Cache-Control", CacheControl.PRIVATE).header("Content-Disposition", "attachment; filename=\"masthead-audit.csv\"")
            .contentType("text/csv; charset=utf-8").result(AuditLog.csv(log.list(filter(ctx), 100_000)));
    }

    private static String v(String s) { return s == null ? "" : s; }
}
