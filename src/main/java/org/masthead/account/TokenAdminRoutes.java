package org.masthead.account;

import org.masthead.http.Access;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import org.masthead.http.Chrome;
import org.masthead.http.Http;
import org.masthead.http.Templates;

/** Admins create (shown once) and revoke content API tokens. */
public final class TokenAdminRoutes {
    private final ApiTokens tokens;
    private final NewsroomGuard guard;
    private final Templates templates;

    private final AuditLog audit;
    private final org.masthead.http.ClientAddress clients;

    public TokenAdminRoutes(ApiTokens tokens, NewsroomGuard guard, Templates templates, AuditLog audit, org.masthead.http.ClientAddress clients) {
        this.audit = audit;
        this.clients = clients;
        this.tokens = tokens;
        this.guard = guard;
        this.templates = templates;
    }

    public void mount(JavalinDefaultRoutingApi r) {
        r.get("/newsroom/tokens", ctx -> render(ctx, 200, null, ""), Access.ADMIN);
        r.post("/newsroom/tokens", this::create, Access.ADMIN);
        r.post("/newsroom/tokens/{id}/revoke", this::revoke, Access.ADMIN);
    }

    public record Page(Chrome chrome, List<ApiToken> tokens, String createdSecret, String error) {}


    private void render(Context ctx, int status, String secret, String error) {
        templates.privatePage(ctx, status, "newsroom/tokens.jte", new Page(guard.chrome(ctx, "API tokens", "tokens"), tokens.list(), secret, error));
    }

    private void create(Context ctx) {
        try {
            var created = tokens.create(Http.field(ctx, "name"), ApiToken.Scope.parse(Http.field(ctx, "scope")), NewsroomGuard.user(ctx));
            audit.record(NewsroomGuard.user(ctx).id(), "token.create-" + created.token().scope().dbValue(), "token:" + created.token().id(),
                clients.resolve(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For")));
            render(ctx, 201, created.secret(), "");
        } catch (IllegalArgumentException e) {
            render(ctx, 400, null, e.getMessage());
        }
    }

    private void revoke(Context ctx) {
        tokens.revoke(Http.id(ctx, "id"));
        audit.record(NewsroomGuard.user(ctx).id(), "token.revoke", "token:" + Http.id(ctx, "id"), clients.resolve(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For")));
        ctx.redirect("/newsroom/tokens", io.javalin.http.HttpStatus.SEE_OTHER);
    }
}
